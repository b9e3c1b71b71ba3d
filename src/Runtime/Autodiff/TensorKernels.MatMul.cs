using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace InvTheory.Runtime.Autodiff;

/// <summary>The matrix product kernels.</summary>
internal static partial class TensorKernels
{
    // Rows of c computed together by the main micro-kernel; their entries of op(a) are packed side by side.
    private const int PanelRows = 8;

    [ThreadStatic]
    private static double[]? t_panel;

    [ThreadStatic]
    private static double[]? t_block;

    /// <summary>
    /// c = op(a) b for b (k x n) and c (m x n), where op(a) is a (m x k) or, with <paramref name="transposeA"/>, the
    /// transpose of a (k x m).
    /// </summary>
    /// <remarks>
    /// Algorithm: register-blocked product with a packed panel of op(a). Eight rows of op(a) are copied into a k x 8
    /// panel, so both layouts of a feed the same micro-kernel without a transposed copy of a. The micro-kernel keeps an
    /// 8 x 16 block of c in sixteen 512-bit registers while p runs over k, broadcasting one panel entry per row and
    /// loading two vectors of row p of b. Column remainders use 8- and 4-wide strips and then one vector across the
    /// eight rows per column. The last m mod 8 rows go through a zero-padded panel. Every entry of c is the fused
    /// multiply-add chain over p = 0, 1, ..., k - 1 started from zero, whichever kernel computes it, so the result does
    /// not depend on the shape of the blocks. Without 512-bit hardware the same loops run on 256-bit or scalar code
    /// with the same summation order.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static unsafe void MatMul(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> c, int m, int k, int n, bool transposeA = false)
    {
        if (a.Length < m * k || b.Length < k * n || c.Length < m * n)
        {
            throw new ArgumentException($"MatMul: the spans hold {a.Length}, {b.Length} and {c.Length} values, too few for {m} x {k} times {k} x {n}.");
        }

        if (k == 0)
        {
            c[..(m * n)].Clear();
            return;
        }

        // Element (i, p) of op(a) is a[i * rowStride + p * columnStride].
        int rowStride = transposeA ? 1 : k;
        int columnStride = transposeA ? m : 1;
        var panel = t_panel is { } cached && cached.Length >= PanelRows * k ? cached : (t_panel = new double[PanelRows * k]);
        int rest = m % PanelRows;
        var block = rest == 0 || (t_block is { } cachedBlock && cachedBlock.Length >= PanelRows * n) ? t_block : (t_block = new double[PanelRows * n]);
        fixed (double* pa = a, pb = b, pc = c, pp = panel, pr = block)
        {
            int i = 0;
            for (; i + PanelRows <= m; i += PanelRows)
            {
                PackPanel(pa + (i * rowStride), pp, k, rowStride, PanelRows, columnStride);
                PanelProduct(pp, pb, pc + (i * n), k, n);
            }

            if (rest > 0)
            {
                // The last rows go through a panel padded with zero rows into a scratch block; the padding rows are dropped.
                PackPanel(pa + (i * rowStride), pp, k, rowStride, rest, columnStride);
                PanelProduct(pp, pb, pr, k, n);
                new ReadOnlySpan<double>(pr, rest * n).CopyTo(new Span<double>(pc + (i * n), rest * n));
            }
        }
    }

    // The 8 x n block of c for one packed panel: 16-, 8- and 4-wide column strips, then single columns.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void PanelProduct(double* panel, double* b, double* c, int k, int n)
    {
        int j = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; j + 16 <= n; j += 16)
            {
                Block8x16(panel, b + j, c + j, k, n);
            }

            if (j + 8 <= n)
            {
                Block8x8(panel, b + j, c + j, k, n);
                j += 8;
            }
        }

        for (; j + 4 <= n; j += 4)
        {
            Block8x4(panel, b + j, c + j, k, n);
        }

        for (; j < n; j++)
        {
            PanelColumn(panel, b + j, c + j, k, n);
        }
    }

    /// <summary>c = a b^T for a (m x k), b (n x k) and c (m x n), using <paramref name="scratch"/> (at least k x n) for b^T.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MatMulTransposeB(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> c, int m, int k, int n, Span<double> scratch)
    {
        Transpose(b, scratch, n, k);
        MatMul(a, scratch, c, m, k, n);
    }

    // panel[p * 8 + r] = op(a)[r, p] for the rows r < rows starting at source, and zero for the padding rows r >= rows.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void PackPanel(double* source, double* panel, int k, int rowStride, int rows, int columnStride)
    {
        if (rows < PanelRows)
        {
            new Span<double>(panel, PanelRows * k).Clear();
        }

        if (columnStride == 1)
        {
            for (int r = 0; r < rows; r++)
            {
                double* row = source + (r * rowStride);
                for (int p = 0; p < k; p++)
                {
                    panel[(p * PanelRows) + r] = row[p];
                }
            }
        }
        else
        {
            // Transposed a: the entries of column p of the panel are contiguous in row p of a.
            for (int p = 0; p < k; p++)
            {
                double* column = source + (p * columnStride);
                for (int r = 0; r < rows; r++)
                {
                    panel[(p * PanelRows) + r] = column[r];
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void Block8x16(double* panel, double* b, double* c, int k, int n)
    {
        Vector512<double> c00 = default, c01 = default, c10 = default, c11 = default;
        Vector512<double> c20 = default, c21 = default, c30 = default, c31 = default;
        Vector512<double> c40 = default, c41 = default, c50 = default, c51 = default;
        Vector512<double> c60 = default, c61 = default, c70 = default, c71 = default;
        double* ap = panel;
        double* bp = b;
        for (int p = 0; p < k; p++, ap += PanelRows, bp += n)
        {
            var b0 = Vector512.Load(bp);
            var b1 = Vector512.Load(bp + 8);
            var a0 = Vector512.Create(ap[0]);
            c00 = Vector512.FusedMultiplyAdd(a0, b0, c00);
            c01 = Vector512.FusedMultiplyAdd(a0, b1, c01);
            var a1 = Vector512.Create(ap[1]);
            c10 = Vector512.FusedMultiplyAdd(a1, b0, c10);
            c11 = Vector512.FusedMultiplyAdd(a1, b1, c11);
            var a2 = Vector512.Create(ap[2]);
            c20 = Vector512.FusedMultiplyAdd(a2, b0, c20);
            c21 = Vector512.FusedMultiplyAdd(a2, b1, c21);
            var a3 = Vector512.Create(ap[3]);
            c30 = Vector512.FusedMultiplyAdd(a3, b0, c30);
            c31 = Vector512.FusedMultiplyAdd(a3, b1, c31);
            var a4 = Vector512.Create(ap[4]);
            c40 = Vector512.FusedMultiplyAdd(a4, b0, c40);
            c41 = Vector512.FusedMultiplyAdd(a4, b1, c41);
            var a5 = Vector512.Create(ap[5]);
            c50 = Vector512.FusedMultiplyAdd(a5, b0, c50);
            c51 = Vector512.FusedMultiplyAdd(a5, b1, c51);
            var a6 = Vector512.Create(ap[6]);
            c60 = Vector512.FusedMultiplyAdd(a6, b0, c60);
            c61 = Vector512.FusedMultiplyAdd(a6, b1, c61);
            var a7 = Vector512.Create(ap[7]);
            c70 = Vector512.FusedMultiplyAdd(a7, b0, c70);
            c71 = Vector512.FusedMultiplyAdd(a7, b1, c71);
        }

        c00.Store(c);
        c01.Store(c + 8);
        c10.Store(c + n);
        c11.Store(c + n + 8);
        c20.Store(c + (2 * n));
        c21.Store(c + (2 * n) + 8);
        c30.Store(c + (3 * n));
        c31.Store(c + (3 * n) + 8);
        c40.Store(c + (4 * n));
        c41.Store(c + (4 * n) + 8);
        c50.Store(c + (5 * n));
        c51.Store(c + (5 * n) + 8);
        c60.Store(c + (6 * n));
        c61.Store(c + (6 * n) + 8);
        c70.Store(c + (7 * n));
        c71.Store(c + (7 * n) + 8);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void Block8x8(double* panel, double* b, double* c, int k, int n)
    {
        Vector512<double> c0 = default, c1 = default, c2 = default, c3 = default;
        Vector512<double> c4 = default, c5 = default, c6 = default, c7 = default;
        double* ap = panel;
        double* bp = b;
        for (int p = 0; p < k; p++, ap += PanelRows, bp += n)
        {
            var b0 = Vector512.Load(bp);
            c0 = Vector512.FusedMultiplyAdd(Vector512.Create(ap[0]), b0, c0);
            c1 = Vector512.FusedMultiplyAdd(Vector512.Create(ap[1]), b0, c1);
            c2 = Vector512.FusedMultiplyAdd(Vector512.Create(ap[2]), b0, c2);
            c3 = Vector512.FusedMultiplyAdd(Vector512.Create(ap[3]), b0, c3);
            c4 = Vector512.FusedMultiplyAdd(Vector512.Create(ap[4]), b0, c4);
            c5 = Vector512.FusedMultiplyAdd(Vector512.Create(ap[5]), b0, c5);
            c6 = Vector512.FusedMultiplyAdd(Vector512.Create(ap[6]), b0, c6);
            c7 = Vector512.FusedMultiplyAdd(Vector512.Create(ap[7]), b0, c7);
        }

        c0.Store(c);
        c1.Store(c + n);
        c2.Store(c + (2 * n));
        c3.Store(c + (3 * n));
        c4.Store(c + (4 * n));
        c5.Store(c + (5 * n));
        c6.Store(c + (6 * n));
        c7.Store(c + (7 * n));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void Block8x4(double* panel, double* b, double* c, int k, int n)
    {
        Vector256<double> c0 = default, c1 = default, c2 = default, c3 = default;
        Vector256<double> c4 = default, c5 = default, c6 = default, c7 = default;
        double* ap = panel;
        double* bp = b;
        for (int p = 0; p < k; p++, ap += PanelRows, bp += n)
        {
            var b0 = Vector256.Load(bp);
            c0 = Vector256.FusedMultiplyAdd(Vector256.Create(ap[0]), b0, c0);
            c1 = Vector256.FusedMultiplyAdd(Vector256.Create(ap[1]), b0, c1);
            c2 = Vector256.FusedMultiplyAdd(Vector256.Create(ap[2]), b0, c2);
            c3 = Vector256.FusedMultiplyAdd(Vector256.Create(ap[3]), b0, c3);
            c4 = Vector256.FusedMultiplyAdd(Vector256.Create(ap[4]), b0, c4);
            c5 = Vector256.FusedMultiplyAdd(Vector256.Create(ap[5]), b0, c5);
            c6 = Vector256.FusedMultiplyAdd(Vector256.Create(ap[6]), b0, c6);
            c7 = Vector256.FusedMultiplyAdd(Vector256.Create(ap[7]), b0, c7);
        }

        c0.Store(c);
        c1.Store(c + n);
        c2.Store(c + (2 * n));
        c3.Store(c + (3 * n));
        c4.Store(c + (4 * n));
        c5.Store(c + (5 * n));
        c6.Store(c + (6 * n));
        c7.Store(c + (7 * n));
    }

    // One column of an 8-row block of c: the eight panel rows of step p form one vector, times the scalar b[p, j].
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void PanelColumn(double* panel, double* b, double* c, int k, int n)
    {
        if (Vector512.IsHardwareAccelerated)
        {
            var s = Vector512<double>.Zero;
            for (int p = 0; p < k; p++)
            {
                s = Vector512.FusedMultiplyAdd(Vector512.Load(panel + (p * PanelRows)), Vector512.Create(b[p * n]), s);
            }

            for (int r = 0; r < PanelRows; r++)
            {
                c[r * n] = s[r];
            }

            return;
        }

        for (int r = 0; r < PanelRows; r++)
        {
            c[r * n] = Dot(panel + r, PanelRows, b, n, k);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    private static unsafe double Dot(double* x, int xStride, double* y, int yStride, int k)
    {
        double s = 0;
        for (int p = 0; p < k; p++)
        {
            s = Math.FusedMultiplyAdd(x[p * xStride], y[p * yStride], s);
        }

        return s;
    }
}
