using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace InvTheory.Runtime.Autodiff;

/// <summary>Dense kernels on row-major spans. Each writes its whole output, so outputs need no clearing.</summary>
internal static class TensorKernels
{
    /// <summary>c = a * b for a (m x k) and b (k x n), c (m x n).</summary>
    /// <remarks>
    /// Algorithm: register-blocked i-k-j loop. Four rows of c and one SIMD strip of columns stay in registers while k runs,
    /// so each strip of b is loaded once per four rows; the rows of b are contiguous, which keeps the access sequential.
    /// </remarks>
    public static void MatMul(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> c, int m, int k, int n)
    {
        int width = Vector<double>.Count;
        int vectorColumns = n - (n % width);
        int i = 0;
        for (; i + 4 <= m; i += 4)
        {
            var a0 = a.Slice(i * k, k);
            var a1 = a.Slice((i + 1) * k, k);
            var a2 = a.Slice((i + 2) * k, k);
            var a3 = a.Slice((i + 3) * k, k);
            for (int j = 0; j < vectorColumns; j += width)
            {
                var s0 = Vector<double>.Zero;
                var s1 = Vector<double>.Zero;
                var s2 = Vector<double>.Zero;
                var s3 = Vector<double>.Zero;
                for (int p = 0; p < k; p++)
                {
                    var bv = LoadVector(b, (p * n) + j);
                    s0 = Vector.FusedMultiplyAdd(new Vector<double>(a0[p]), bv, s0);
                    s1 = Vector.FusedMultiplyAdd(new Vector<double>(a1[p]), bv, s1);
                    s2 = Vector.FusedMultiplyAdd(new Vector<double>(a2[p]), bv, s2);
                    s3 = Vector.FusedMultiplyAdd(new Vector<double>(a3[p]), bv, s3);
                }

                StoreVector(s0, c, (i * n) + j);
                StoreVector(s1, c, ((i + 1) * n) + j);
                StoreVector(s2, c, ((i + 2) * n) + j);
                StoreVector(s3, c, ((i + 3) * n) + j);
            }

            for (int r = i; r < i + 4; r++)
            {
                ScalarColumns(a.Slice(r * k, k), b, c.Slice(r * n, n), k, n, vectorColumns);
            }
        }

        for (; i < m; i++)
        {
            var ai = a.Slice(i * k, k);
            for (int j = 0; j < vectorColumns; j += width)
            {
                var s = Vector<double>.Zero;
                for (int p = 0; p < k; p++)
                {
                    s = Vector.FusedMultiplyAdd(new Vector<double>(ai[p]), LoadVector(b, (p * n) + j), s);
                }

                StoreVector(s, c, (i * n) + j);
            }

            ScalarColumns(ai, b, c.Slice(i * n, n), k, n, vectorColumns);
        }
    }

    private static void ScalarColumns(ReadOnlySpan<double> ai, ReadOnlySpan<double> b, Span<double> ci, int k, int n, int from)
    {
        for (int j = from; j < n; j++)
        {
            double s = 0;
            for (int p = 0; p < k; p++)
            {
                s = Math.FusedMultiplyAdd(ai[p], b[(p * n) + j], s);
            }

            ci[j] = s;
        }
    }

    /// <summary>t = a^T for a (rows x columns).</summary>
    public static void Transpose(ReadOnlySpan<double> a, Span<double> t, int rows, int columns)
    {
        const int Tile = 32;
        for (int i0 = 0; i0 < rows; i0 += Tile)
        {
            int i1 = Math.Min(rows, i0 + Tile);
            for (int j0 = 0; j0 < columns; j0 += Tile)
            {
                int j1 = Math.Min(columns, j0 + Tile);
                for (int i = i0; i < i1; i++)
                {
                    for (int j = j0; j < j1; j++)
                    {
                        t[(j * rows) + i] = a[(i * columns) + j];
                    }
                }
            }
        }
    }

    public static void Add(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> c)
    {
        var va = MemoryMarshal.Cast<double, Vector<double>>(a);
        var vb = MemoryMarshal.Cast<double, Vector<double>>(b);
        var vc = MemoryMarshal.Cast<double, Vector<double>>(c);
        for (int i = 0; i < vc.Length; i++)
        {
            vc[i] = va[i] + vb[i];
        }

        for (int i = vc.Length * Vector<double>.Count; i < c.Length; i++)
        {
            c[i] = a[i] + b[i];
        }
    }

    public static void Subtract(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> c)
    {
        var va = MemoryMarshal.Cast<double, Vector<double>>(a);
        var vb = MemoryMarshal.Cast<double, Vector<double>>(b);
        var vc = MemoryMarshal.Cast<double, Vector<double>>(c);
        for (int i = 0; i < vc.Length; i++)
        {
            vc[i] = va[i] - vb[i];
        }

        for (int i = vc.Length * Vector<double>.Count; i < c.Length; i++)
        {
            c[i] = a[i] - b[i];
        }
    }

    public static void Multiply(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> c)
    {
        var va = MemoryMarshal.Cast<double, Vector<double>>(a);
        var vb = MemoryMarshal.Cast<double, Vector<double>>(b);
        var vc = MemoryMarshal.Cast<double, Vector<double>>(c);
        for (int i = 0; i < vc.Length; i++)
        {
            vc[i] = va[i] * vb[i];
        }

        for (int i = vc.Length * Vector<double>.Count; i < c.Length; i++)
        {
            c[i] = a[i] * b[i];
        }
    }

    /// <summary>c = s * a + t elementwise.</summary>
    public static void ScaleShift(ReadOnlySpan<double> a, double s, double t, Span<double> c)
    {
        var va = MemoryMarshal.Cast<double, Vector<double>>(a);
        var vc = MemoryMarshal.Cast<double, Vector<double>>(c);
        var vs = new Vector<double>(s);
        var vt = new Vector<double>(t);
        for (int i = 0; i < vc.Length; i++)
        {
            vc[i] = (va[i] * vs) + vt;
        }

        for (int i = vc.Length * Vector<double>.Count; i < c.Length; i++)
        {
            c[i] = (a[i] * s) + t;
        }
    }

    /// <summary>c[i, j] = a[i, j] + row[j].</summary>
    public static void AddRow(ReadOnlySpan<double> a, ReadOnlySpan<double> row, Span<double> c, int rows, int columns)
    {
        for (int i = 0; i < rows; i++)
        {
            Add(a.Slice(i * columns, columns), row, c.Slice(i * columns, columns));
        }
    }

    /// <summary>s[j] = sum_i a[i, j].</summary>
    public static void SumRows(ReadOnlySpan<double> a, Span<double> s, int rows, int columns)
    {
        s.Clear();
        for (int i = 0; i < rows; i++)
        {
            Add(s, a.Slice(i * columns, columns), s);
        }
    }

    /// <summary>s[i] = sum_j a[i, j].</summary>
    public static void SumColumns(ReadOnlySpan<double> a, Span<double> s, int rows, int columns)
    {
        for (int i = 0; i < rows; i++)
        {
            double sum = 0;
            var row = a.Slice(i * columns, columns);
            for (int j = 0; j < columns; j++)
            {
                sum += row[j];
            }

            s[i] = sum;
        }
    }

    public static double Sum(ReadOnlySpan<double> a)
    {
        // Pairwise over SIMD lanes keeps the rounding error small for long sums.
        var va = MemoryMarshal.Cast<double, Vector<double>>(a);
        var acc = Vector<double>.Zero;
        for (int i = 0; i < va.Length; i++)
        {
            acc += va[i];
        }

        double sum = Vector.Sum(acc);
        for (int i = va.Length * Vector<double>.Count; i < a.Length; i++)
        {
            sum += a[i];
        }

        return sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<double> LoadVector(ReadOnlySpan<double> span, int offset) =>
        Vector.LoadUnsafe(ref MemoryMarshal.GetReference(span), (nuint)offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreVector(Vector<double> value, Span<double> span, int offset) =>
        value.StoreUnsafe(ref MemoryMarshal.GetReference(span), (nuint)offset);
}
