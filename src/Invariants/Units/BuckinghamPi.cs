using System.Numerics;
using InvTheory.Polynomials.IntegerMatrices;
using InvTheory.Polynomials.LinearAlgebra;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Invariants.Units;

/// <summary>Dimensional analysis: a basis of the dimensionless products of a table's variables (Buckingham's Pi theorem).</summary>
public static class BuckinghamPi
{
    /// <summary>
    /// Returns a basis of the lattice of all dimensionless products prod_j x_j^(e_j) with integer exponents, of size
    /// n - rank(M) for the dimension matrix M, together with the target scaling and a certificate.
    /// </summary>
    /// <remarks>
    /// Algorithm: integer kernel of the dimension matrix via the Hermite normal form [Coh93, Sec. 2.4], then LLL
    /// reduction for small exponents [LLL82]; the Pi theorem itself is [Buc14].
    /// <para>
    /// Phases: (1) dimension matrix and rank; (2) kernel lattice basis, LLL-reduced; (3) with a repeating set, one group
    /// per non-repeating variable, v * prod r^(a_r), when every a_r is an integer; (4) with a target, a basis in which
    /// exactly one group contains the target, with the smallest possible positive exponent g, and that group
    /// size-reduced by nearest-plane rounding [Bab86]; the target scaling exists when g = 1; (5) canonical signs and
    /// order; (6) certificate.
    /// </para>
    /// <para>
    /// Canonical form without a repeating set: the target's group comes first with a positive target exponent. Every
    /// other group is signed so that its first variable (in table order) has a positive exponent, and these groups are
    /// sorted by that variable's position, then by the sum of absolute exponents, then by the exponent vector.
    /// </para>
    /// </remarks>
    /// <exception cref="UnitsTableException">The repeating set is dependent or does not span the table's dimensions.</exception>
    /// <exception cref="InvalidOperationException">The computed groups fail their own certificate, which points to a bug.</exception>
    public static PiAnalysis Analyze(UnitsTable table, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        var names = table.Variables.Select(v => v.Name).ToList();
        int n = names.Count;
        var notes = new List<string>();

        // Phase 1: dimension matrix and rank.
        var dimensionMatrix = PiCertificate.DimensionMatrix(table.Variables);
        int rank = dimensionMatrix.Rank();
        AddDegenerateTableNotes(table, dimensionMatrix, rank, notes);

        // Phase 2: a basis of the integer kernel lattice, LLL-reduced.
        ct.ThrowIfCancellationRequested();
        var kernel = IntegerLattice.KernelBasis(dimensionMatrix, ct);
        if (kernel.RowCount > 0)
        {
            kernel = IntegerLattice.LllReduce(kernel, ct: ct);
        }

        var basis = Enumerable.Range(0, kernel.RowCount).Select(i => kernel.Row(i).ToArray()).ToList();
        AddAbsentVariableNotes(table, dimensionMatrix, basis, notes);

        // Phase 3: repeating-variable form when it has integer exponents.
        int target = table.Target is null ? -1 : table.IndexOf(table.Target);
        if (table.Repeating is not null)
        {
            ct.ThrowIfCancellationRequested();
            var repeatingGroups = RepeatingForm(table, dimensionMatrix, rank, notes);
            if (repeatingGroups is not null)
            {
                var ordered = repeatingGroups.OrderBy(g => g.Variable == target ? -1 : g.Variable).Select(g => g.Exponents).ToList();
                PowerProduct? scaling = null;
                string? scalingNote = null;
                if (target >= 0)
                {
                    var targetGroup = repeatingGroups.Single(g => g.Variable == target).Exponents;
                    scaling = ScalingFromGroup(names, targetGroup, target);
                }

                return Finish(table, dimensionMatrix, ordered, scaling, scalingNote, usesRepeatingForm: true, notes, ct);
            }
        }

        // Phase 4: isolate the target in one group.
        PowerProduct? targetScaling = null;
        string? targetNote = null;
        var groups = new List<BigInteger[]>();
        if (target >= 0)
        {
            ct.ThrowIfCancellationRequested();
            var (targetGroup, rest) = SplitOffTarget(basis, target);
            if (targetGroup is null)
            {
                targetNote = TargetUnreachableNote(table, target);
            }
            else
            {
                if (rest.Count > 0)
                {
                    var restMatrix = IntegerLattice.LllReduce(ToMatrix(rest, n), ct: ct);
                    rest = Enumerable.Range(0, restMatrix.RowCount).Select(i => restMatrix.Row(i).ToArray()).ToList();
                    targetGroup = IntegerLattice.NearestPlaneReduce(targetGroup, restMatrix).ToArray();
                }

                groups.Add(targetGroup);
                var power = targetGroup[target];
                if (power.IsOne)
                {
                    targetScaling = ScalingFromGroup(names, targetGroup, target);
                }
                else
                {
                    var root = new PowerProduct(names, targetGroup.Select((e, j) => j == target ? BigInteger.Zero : -e));
                    targetNote = $"No target scaling with integer exponents exists: {new PowerProduct(names, targetGroup)} is dimensionless, "
                        + $"so {table.Target} scales as ({root})^(1/{power}). Predict {table.Target}^{power} instead, or add a variable.";
                }
            }

            basis = rest;
        }

        // Phase 5: canonical signs and order of the remaining groups.
        groups.AddRange(Canonicalize(basis));
        return Finish(table, dimensionMatrix, groups, targetScaling, targetNote, usesRepeatingForm: false, notes, ct);
    }

    private static PiAnalysis Finish(
        UnitsTable table,
        IntegerMatrix dimensionMatrix,
        List<BigInteger[]> groups,
        PowerProduct? targetScaling,
        string? targetNote,
        bool usesRepeatingForm,
        List<string> notes,
        CancellationToken ct)
    {
        // Phase 6: the certificate. A failure here means the computation above is wrong.
        var names = table.Variables.Select(v => v.Name).ToList();
        var products = groups.Select(g => new PowerProduct(names, g)).ToList().AsReadOnly();
        var certificate = PiCertificate.Compute(table.Variables, products, table.Target, targetScaling, ct);
        if (!certificate.AllPassed)
        {
            var failed = certificate.Checks.First(c => !c.Passed);
            throw new InvalidOperationException(
                $"Buckingham-Pi: the computed groups fail the certificate check '{failed.Name}' ({failed.Detail}). This points to a bug; please report the table.");
        }

        return new PiAnalysis(table, dimensionMatrix, products, targetScaling, targetNote, usesRepeatingForm, notes.AsReadOnly(), certificate);
    }

    // One group per non-repeating variable v: v * prod_r r^(a_r) with M_R a = -M_v. Returns null (with notes) when some
    // a has a non-integer entry; throws when the repeating set is not a valid choice.
    private static List<(int Variable, BigInteger[] Exponents)>? RepeatingForm(UnitsTable table, IntegerMatrix dimensionMatrix, int rank, List<string> notes)
    {
        var repeating = table.Repeating!.Select(table.IndexOf).ToList();
        var repeatingNames = string.Join(", ", table.Repeating!);
        var repeatingMatrix = dimensionMatrix.SelectColumns(repeating);
        int repeatingRank = repeatingMatrix.Rank();
        if (repeatingRank < repeating.Count)
        {
            int dependent = Enumerable.Range(1, repeating.Count).First(k => dimensionMatrix.SelectColumns(repeating.Take(k).ToList()).Rank() < k) - 1;
            throw new UnitsTableException(
                $"Invalid repeating set: the repeating variables must be dimensionally independent, but the dimension of '{table.Repeating![dependent]}' "
                + $"is a product of powers of the repeating variables before it. Remove it from the repeating set.");
        }

        var field = RationalField.Instance;
        var matrix = Matrix.FromFunction(field, repeatingMatrix.RowCount, repeatingMatrix.ColumnCount, (i, j) => (Rational)repeatingMatrix[i, j]);
        var result = new List<(int, BigInteger[])>();
        var fractional = new List<string>();
        for (int v = 0; v < table.Variables.Count; v++)
        {
            if (repeating.Contains(v))
            {
                continue;
            }

            var rightSide = Enumerable.Range(0, dimensionMatrix.RowCount).Select(i => -(Rational)dimensionMatrix[i, v]).ToList();
            var solution = matrix.Solve(rightSide);
            if (solution is null)
            {
                var variable = table.Variables[v];
                throw new UnitsTableException(
                    $"Invalid repeating set: the repeating variables ({repeatingNames}) have rank {repeatingRank} but the table has rank {rank}, "
                    + $"so '{variable.Name}' (dimension {variable.Dimension}) cannot be made dimensionless with them. "
                    + "Add a repeating variable that carries the missing dimension.");
            }

            var denominator = solution.Aggregate(BigInteger.One, (l, x) => l / BigInteger.GreatestCommonDivisor(l, x.Denominator) * x.Denominator);
            var exponents = new BigInteger[table.Variables.Count];
            exponents[v] = denominator;
            for (int r = 0; r < repeating.Count; r++)
            {
                exponents[repeating[r]] = (solution[r] * denominator).Numerator;
            }

            if (!denominator.IsOne)
            {
                var names = table.Variables.Select(x => x.Name).ToList();
                fractional.Add($"'{table.Variables[v].Name}' needs the power {denominator} ({new PowerProduct(names, exponents)})");
            }

            result.Add((v, exponents));
        }

        if (fractional.Count == 0)
        {
            return result;
        }

        notes.Add(
            $"The repeating set ({repeatingNames}) gives groups with integer exponents only for higher powers: {string.Join("; ", fractional)}. "
            + "Those groups would not generate every dimensionless product, so the groups below are a reduced basis instead.");
        return null;
    }

    // Unimodular row operations on the basis so that exactly one row has a nonzero target exponent, made positive.
    private static (BigInteger[]? TargetGroup, List<BigInteger[]> Others) SplitOffTarget(List<BigInteger[]> basis, int target)
    {
        var rows = basis.Select(r => (BigInteger[])r.Clone()).ToList();

        // Invariant: the rows span the same lattice; the loop ends when at most one row has a nonzero target entry.
        while (true)
        {
            var nonzero = Enumerable.Range(0, rows.Count).Where(i => !rows[i][target].IsZero).ToList();
            if (nonzero.Count == 0)
            {
                return (null, rows);
            }

            int pivot = nonzero.MinBy(i => BigInteger.Abs(rows[i][target]));
            if (nonzero.Count == 1)
            {
                var group = rows[pivot];
                if (group[target].Sign < 0)
                {
                    group = group.Select(x => -x).ToArray();
                }

                rows.RemoveAt(pivot);
                return (group, rows);
            }

            foreach (int i in nonzero.Where(i => i != pivot))
            {
                var quotient = BigInteger.Divide(rows[i][target], rows[pivot][target]);
                for (int j = 0; j < rows[i].Length; j++)
                {
                    rows[i][j] -= quotient * rows[pivot][j];
                }
            }
        }
    }

    private static List<BigInteger[]> Canonicalize(List<BigInteger[]> groups)
    {
        var signed = groups.Select(g =>
        {
            int lead = Array.FindIndex(g, x => !x.IsZero);
            return g[lead].Sign < 0 ? g.Select(x => -x).ToArray() : g;
        }).ToList();
        signed.Sort(CompareGroups);
        return signed;
    }

    private static int CompareGroups(BigInteger[] left, BigInteger[] right)
    {
        int byLead = Array.FindIndex(left, x => !x.IsZero).CompareTo(Array.FindIndex(right, x => !x.IsZero));
        if (byLead != 0)
        {
            return byLead;
        }

        var leftSize = left.Aggregate(BigInteger.Zero, (s, x) => s + BigInteger.Abs(x));
        var rightSize = right.Aggregate(BigInteger.Zero, (s, x) => s + BigInteger.Abs(x));
        if (leftSize != rightSize)
        {
            return leftSize.CompareTo(rightSize);
        }

        for (int j = 0; j < left.Length; j++)
        {
            int byEntry = right[j].CompareTo(left[j]);
            if (byEntry != 0)
            {
                return byEntry;
            }
        }

        return 0;
    }

    private static PowerProduct ScalingFromGroup(List<string> names, BigInteger[] group, int target) =>
        new(names, group.Select((e, j) => j == target ? BigInteger.Zero : -e));

    private static IntegerMatrix ToMatrix(List<BigInteger[]> rows, int columns) =>
        IntegerMatrix.FromRows(rows.Select(r => (IEnumerable<BigInteger>)r), rows.Count == 0 ? columns : 0);

    private static string TargetUnreachableNote(UnitsTable table, int target)
    {
        var targetVariable = table.Variables[target];
        var missing = targetVariable.Dimension.Exponents
            .Select(p => p.Key)
            .Where(d => table.Variables.Where((_, j) => j != target).All(v => v.Dimension.Exponent(d) == 0))
            .ToList();
        string reason = missing.Count > 0
            ? $"no other variable carries the dimension {string.Join(", ", missing)}"
            : "no product of powers of the other variables has that dimension";
        return $"No target scaling exists: the dimension of '{targetVariable.Name}' ({targetVariable.Dimension}) cannot be made from the other variables, "
            + $"because {reason}. No dimensionally consistent law predicts '{targetVariable.Name}' from them; add the variable it depends on.";
    }

    private static void AddDegenerateTableNotes(UnitsTable table, IntegerMatrix dimensionMatrix, int rank, List<string> notes)
    {
        int n = table.Variables.Count;
        if (table.Variables.All(v => v.Dimension.IsDimensionless))
        {
            notes.Add("Every variable is dimensionless, so each variable is a group by itself.");
            return;
        }

        if (rank == n)
        {
            notes.Add($"No dimensionless group exists: the {n} variables are dimensionally independent (the dimension matrix has rank {n}).");
        }

        if (rank < dimensionMatrix.RowCount)
        {
            notes.Add(
                $"The dimension matrix has rank {rank} but uses {dimensionMatrix.RowCount} base dimensions "
                + $"({string.Join(", ", PiCertificate.DimensionNames(table.Variables))}): some dimensions occur only in fixed combinations in this table, "
                + $"so there are n - rank = {n - rank} groups.");
        }
    }

    private static void AddAbsentVariableNotes(UnitsTable table, IntegerMatrix dimensionMatrix, List<BigInteger[]> basis, List<string> notes)
    {
        var dimensionNames = PiCertificate.DimensionNames(table.Variables);
        for (int j = 0; j < table.Variables.Count; j++)
        {
            if (basis.Any(row => !row[j].IsZero))
            {
                continue;
            }

            var variable = table.Variables[j];
            var unique = Enumerable.Range(0, dimensionMatrix.RowCount)
                .Where(i => !dimensionMatrix[i, j].IsZero && Enumerable.Range(0, dimensionMatrix.ColumnCount).All(k => k == j || dimensionMatrix[i, k].IsZero))
                .Select(i => dimensionNames[i])
                .ToList();
            notes.Add(unique.Count > 0
                ? $"'{variable.Name}' is the only variable with the dimension {string.Join(", ", unique)}, so it appears in no group."
                : $"'{variable.Name}' appears in no group: no product of powers of the other variables cancels its dimension {variable.Dimension}.");
        }
    }
}
