namespace InvTheory.Polynomials.LinearAlgebra;

/// <summary>The elimination algorithm used by exact linear algebra over Q.</summary>
/// <remarks>Every algorithm returns the same exact result; they differ only in speed.</remarks>
public enum LinearAlgebraAlgorithm
{
    /// <summary>Chooses by field and size: <see cref="Modular"/> for rational matrices above a size threshold, else <see cref="Direct"/>.</summary>
    Auto,

    /// <summary>Elimination with exact field arithmetic on the entries.</summary>
    Direct,

    /// <summary>
    /// Over Q only: elimination modulo several word-size primes, Chinese remaindering and rational reconstruction,
    /// followed by an exact check of the result.
    /// </summary>
    Modular,
}
