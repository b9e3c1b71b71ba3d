using InvTheory.Polynomials.Scalars;

namespace InvTheory.Polynomials.Tests.Scalars;

/// <summary>The field axioms as predicates, shared by the property tests of every scalar type.</summary>
internal static class FieldLaws
{
    public static bool AdditionIsAssociative<T>(T a, T b, T c)
        where T : struct, IFieldElement<T> => (a + b) + c == a + (b + c);

    public static bool AdditionIsCommutative<T>(T a, T b)
        where T : struct, IFieldElement<T> => a + b == b + a;

    public static bool ZeroIsNeutral<T>(T a)
        where T : struct, IFieldElement<T> => a + default(T) == a && default(T) + a == a && T.AdditiveIdentity.IsZero;

    public static bool NegationIsAdditiveInverse<T>(T a, T b)
        where T : struct, IFieldElement<T> => (a + -a).IsZero && (a - a).IsZero && -(-a) == a && a - b == a + -b;

    public static bool MultiplicationIsAssociative<T>(T a, T b, T c)
        where T : struct, IFieldElement<T> => (a * b) * c == a * (b * c);

    public static bool MultiplicationIsCommutative<T>(T a, T b)
        where T : struct, IFieldElement<T> => a * b == b * a;

    public static bool OneIsNeutral<T>(T a, T one)
        where T : struct, IFieldElement<T> =>
        a * one == a && one * a == a && a * T.MultiplicativeIdentity == a && T.MultiplicativeIdentity * a == a && one.IsOne;

    public static bool MultiplicationDistributesOverAddition<T>(T a, T b, T c)
        where T : struct, IFieldElement<T> => a * (b + c) == a * b + a * c && (a + b) * c == a * c + b * c;

    public static bool NonzeroElementsHaveInverses<T>(T a, T b)
        where T : struct, IFieldElement<T>
    {
        if (a.IsZero)
        {
            return Throws<DivideByZeroException>(() => a.Inverse()) && Throws<DivideByZeroException>(() => _ = b / a);
        }

        return (a * a.Inverse()).IsOne && (b / a) * a == b && a.Inverse().Inverse() == a;
    }

    public static bool HashCodeFollowsEquality<T>(T a, T b)
        where T : struct, IFieldElement<T>
    {
        T roundTrip = (a + b) - b;
        return roundTrip == a && roundTrip.Equals(a) && roundTrip.GetHashCode() == a.GetHashCode();
    }

    private static bool Throws<TException>(Action action)
        where TException : Exception
    {
        try
        {
            action();
            return false;
        }
        catch (TException)
        {
            return true;
        }
    }
}
