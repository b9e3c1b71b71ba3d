namespace InvTheory.Invariants.Units;

/// <summary>
/// The names of base dimensions: the seven SI base dimensions M (mass), L (length), T (time), Theta (temperature),
/// I (electric current), N (amount of substance) and J (luminous intensity), plus any user-named dimension.
/// </summary>
public static class BaseDimensions
{
    /// <summary>The SI base dimensions in their canonical order.</summary>
    public static IReadOnlyList<string> Standard { get; } = Array.AsReadOnly(["M", "L", "T", "Theta", "I", "N", "J"]);

    /// <summary>Returns the canonical spelling of a dimension name: <c>Θ</c> becomes <c>Theta</c>; other names are unchanged.</summary>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name == "\u0398" ? "Theta" : name;
    }

    /// <summary>Whether <paramref name="name"/> is a valid dimension or variable name: a letter or '_', then letters, digits or '_'.</summary>
    public static bool IsValidName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0 || !(char.IsLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        return name.All(c => char.IsLetterOrDigit(c) || c == '_');
    }

    /// <summary>Orders dimension names: the SI base dimensions in canonical order first, then other names in ordinal order.</summary>
    public static int Compare(string? left, string? right)
    {
        int leftIndex = IndexOf(left);
        int rightIndex = IndexOf(right);
        if (leftIndex != rightIndex)
        {
            return leftIndex.CompareTo(rightIndex);
        }

        return string.CompareOrdinal(left, right);
    }

    private static int IndexOf(string? name)
    {
        for (int i = 0; i < Standard.Count; i++)
        {
            if (Standard[i] == name)
            {
                return i;
            }
        }

        return Standard.Count;
    }
}
