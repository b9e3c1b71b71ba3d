using System.Globalization;
using System.Text.RegularExpressions;

namespace InvTheory.Representations.Catalogue;

/// <summary>
/// A parametrised family of catalogue names, such as <c>C&lt;n&gt;</c> for the cyclic groups: the name templates,
/// the accepted range of n and the values of n that <see cref="GroupCatalogue.Entries"/> lists.
/// </summary>
public sealed class CatalogueFamilyPattern
{
    private readonly Func<int, CatalogueEntry> _create;
    private readonly IReadOnlyList<Regex> _exact;
    private readonly IReadOnlyList<Regex> _ignoreCase;

    internal CatalogueFamilyPattern(
        GroupFamily family,
        IReadOnlyList<string> templates,
        int minimum,
        int maximum,
        IReadOnlyList<int> listed,
        string summary,
        Func<int, CatalogueEntry> create)
    {
        Family = family;
        Templates = templates;
        Minimum = minimum;
        Maximum = maximum;
        Listed = listed;
        Summary = summary;
        _create = create;
        _exact = templates.Select(t => ToRegex(t, RegexOptions.None)).ToArray();
        _ignoreCase = templates.Select(t => ToRegex(t, RegexOptions.IgnoreCase)).ToArray();
    }

    /// <summary>The family of the groups the pattern names.</summary>
    public GroupFamily Family { get; }

    /// <summary>Name templates with the parameter written <c>&lt;n&gt;</c>; the first is the canonical form.</summary>
    public IReadOnlyList<string> Templates { get; }

    /// <summary>The smallest accepted n.</summary>
    public int Minimum { get; }

    /// <summary>The largest accepted n.</summary>
    public int Maximum { get; }

    /// <summary>The values of n listed in <see cref="GroupCatalogue.Entries"/>; every n from Minimum to Maximum resolves.</summary>
    public IReadOnlyList<int> Listed { get; }

    /// <summary>One line describing the family and its representation.</summary>
    public string Summary { get; }

    /// <summary>Returns the name a template gives for parameter n.</summary>
    public static string Instantiate(string template, int n)
    {
        ArgumentNullException.ThrowIfNull(template);
        return template.Replace("<n>", n.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    /// <summary>Returns the entry for parameter n.</summary>
    /// <exception cref="ArgumentOutOfRangeException">n is outside [Minimum, Maximum].</exception>
    public CatalogueEntry Create(int n)
    {
        if (n < Minimum || n > Maximum)
        {
            throw new ArgumentOutOfRangeException(
                nameof(n), n, $"Catalogue family {Templates[0]} accepts n from {Minimum} to {Maximum}; got n = {n}.");
        }

        return _create(n);
    }

    /// <summary>
    /// Matches a name against the templates. Returns the parameter, or null when no template matches;
    /// <paramref name="inRange"/> tells whether the parameter is in the accepted range.
    /// </summary>
    internal int? Match(string name, bool ignoreCase, out bool inRange)
    {
        inRange = false;
        foreach (var regex in ignoreCase ? _ignoreCase : _exact)
        {
            var match = regex.Match(name);
            if (!match.Success)
            {
                continue;
            }

            string digits = match.Groups[1].Value;
            if (digits.Length > 9 || (digits.Length > 1 && digits[0] == '0'))
            {
                return int.MaxValue;
            }

            int n = int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
            inRange = n >= Minimum && n <= Maximum;
            return n;
        }

        return null;
    }

    private static Regex ToRegex(string template, RegexOptions options)
    {
        string[] parts = template.Split("<n>");
        string pattern = "^" + string.Join(@"(\d+)", parts.Select(Regex.Escape)) + "$";
        return new Regex(pattern, options | RegexOptions.CultureInvariant);
    }
}
