using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace InvTheory.Runtime.Autodiff;

/// <summary>Dense kernels on row-major spans. Each writes its whole output, so outputs need no clearing.</summary>
internal static partial class TensorKernels
{
    /// <summary>t = a^T for a (rows x columns).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddRow(ReadOnlySpan<double> a, ReadOnlySpan<double> row, Span<double> c, int rows, int columns)
    {
        for (int i = 0; i < rows; i++)
        {
            Add(a.Slice(i * columns, columns), row, c.Slice(i * columns, columns));
        }
    }

    /// <summary>s[j] = sum_i a[i, j].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void SumRows(ReadOnlySpan<double> a, Span<double> s, int rows, int columns)
    {
        s.Clear();
        for (int i = 0; i < rows; i++)
        {
            Add(s, a.Slice(i * columns, columns), s);
        }
    }

    /// <summary>s[i] = sum_j a[i, j].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

    /// <summary>y[r, o] = sum over the terms t of output o of c_t u[r, i_t] v[r, j_t], in plan order, for each row r.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Bilinear(ReadOnlySpan<double> u, ReadOnlySpan<double> v, Span<double> y, int rows, BilinearPlan plan)
    {
        int[] left = plan.Left;
        int[] right = plan.Right;
        int[] start = plan.OutputStart;
        double[] coefficient = plan.Coefficient;
        int uColumns = plan.LeftColumns;
        int vColumns = plan.RightColumns;
        int yColumns = plan.OutputColumns;
        for (int r = 0; r < rows; r++)
        {
            var ur = u.Slice(r * uColumns, uColumns);
            var vr = v.Slice(r * vColumns, vColumns);
            var yr = y.Slice(r * yColumns, yColumns);
            for (int o = 0; o < yColumns; o++)
            {
                double sum = 0;
                for (int t = start[o]; t < start[o + 1]; t++)
                {
                    sum = Math.FusedMultiplyAdd(coefficient[t] * ur[left[t]], vr[right[t]], sum);
                }

                yr[o] = sum;
            }
        }
    }
}
