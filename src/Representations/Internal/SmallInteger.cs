using InvTheory.Polynomials.Scalars;

namespace InvTheory.Representations.Internal;

/// <summary>
/// A 64-bit integer with overflow-checked arithmetic, used as the working entry type when every element of a
/// rational matrix group is an integer matrix. Only addition, subtraction and multiplication are meaningful:
/// it is a ring element, so division by anything but 1 or -1 throws.
/// </summary>
internal readonly struct SmallInteger(long value) : IFieldElement<SmallInteger>
{
    public long Value { get; } = value;

    public static SmallInteger AdditiveIdentity => default;

    public static SmallInteger MultiplicativeIdentity => new(1);

    public bool IsZero => Value == 0;

    public bool IsOne => Value == 1;

    public static SmallInteger operator +(SmallInteger a, SmallInteger b) => new(checked(a.Value + b.Value));

    public static SmallInteger operator -(SmallInteger a, SmallInteger b) => new(checked(a.Value - b.Value));

    public static SmallInteger operator -(SmallInteger a) => new(checked(-a.Value));

    public static SmallInteger operator *(SmallInteger a, SmallInteger b) => new(checked(a.Value * b.Value));

    public static SmallInteger operator /(SmallInteger a, SmallInteger b) => a * b.Inverse();

    public static bool operator ==(SmallInteger a, SmallInteger b) => a.Value == b.Value;

    public static bool operator !=(SmallInteger a, SmallInteger b) => a.Value != b.Value;

    public SmallInteger Inverse() => Value is 1 or -1
        ? this
        : throw new NotSupportedException($"The integer {Value} has no inverse among the integers.");

    public bool Equals(SmallInteger other) => Value == other.Value;

    public override bool Equals(object? obj) => obj is SmallInteger other && Equals(other);

    public override int GetHashCode() => Value.GetHashCode();

    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
