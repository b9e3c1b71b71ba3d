using System.Text;
using InvTheory.Representations.Constructions;

namespace InvTheory.Invariants.Export;

/// <summary>
/// Writes a self-contained Python module (numpy required, PyTorch optional) that evaluates an exported result: values,
/// Jacobians, a <c>torch.nn.Module</c>, and <c>check_equivariance</c>, which tests a function against random group
/// elements.
/// </summary>
/// <remarks>
/// Algorithm: every monomial is computed once from a lower one (<see cref="MonomialPlan"/>), every output is a sum of
/// coefficients times monomials, and every Jacobian entry a sum over the derivative terms. Coefficients are written as
/// the nearest double with shortest round-trip digits, which Python's float reads back to the same value.
/// </remarks>
internal static class PythonExporter
{
    // The Python docstring delimiter.
    private const string Q = "\"\"\"";

    public static string Export(ExportedResult result, ExportOptions options, string toolVersion)
    {
        var functions = ExportFunction.Select(result, options);
        ExportFunction.RequireNumeric(result, ExportFormat.Python, functions);
        var plan = MonomialPlan.Build(result.Variables.Count, functions.SelectMany(f => f.Outputs), derivatives: true);
        var main = functions[0];
        var text = new StringBuilder();

        // Phase 1: module docstring and constants.
        AppendDocstring(text, result, functions, toolVersion);
        text.AppendLine("import numpy as np");
        text.AppendLine();
        text.AppendLine($"INVTHEORY_VERSION = {Str(toolVersion)}");
        text.AppendLine($"KIND = {Str(result.Kind)}");
        text.AppendLine($"GROUP = {Str(result.GroupName)}");
        text.AppendLine($"GROUP_ORDER = {result.GroupOrder ?? "None"}");
        text.AppendLine($"FIELD = {Str(result.Field)}");
        text.AppendLine($"INPUT_REPRESENTATION = {Str(result.Input)}");
        text.AppendLine($"OUTPUT_REPRESENTATION = {Str(result.Output)}");
        text.AppendLine($"VARIABLES = {Tuple(result.Variables.Select(Str))}");
        text.AppendLine($"N_VARS = {result.Variables.Count}");
        text.AppendLine($"OUT_DIM = {(main.IsVectorValued ? main.OutputDimension : 1)}");
        foreach (var f in functions)
        {
            string upper = f.Name.ToUpperInvariant();
            text.AppendLine($"{upper}_NAMES = {Tuple(f.Elements.Select(e => Str(e.Name)))}");
            text.AppendLine($"{upper}_DEGREES = {Tuple(f.Elements.Select(e => e.Degree.ToString(System.Globalization.CultureInfo.InvariantCulture)))}");
            text.AppendLine($"N_{upper} = {f.Elements.Count}");
        }

        text.AppendLine();

        // Phase 2: input check and the shared monomials.
        text.AppendLine(Helpers);
        text.AppendLine("def _monomials(x, ones_like):");
        text.AppendLine($"    {Q}Return every monomial the outputs and their derivatives use, each computed once from a lower one.{Q}");
        text.AppendLine($"    m = [None] * {plan.Monomials.Count}");
        text.AppendLine("    m[0] = ones_like(x[:, 0])");
        for (int i = 1; i < plan.Monomials.Count; i++)
        {
            string variable = $"x[:, {plan.Variable[i]}]";
            text.AppendLine(plan.Parent[i] == 0 && !plan.Divides[i]
                ? $"    m[{i}] = {variable}"
                : $"    m[{i}] = m[{plan.Parent[i]}] {(plan.Divides[i] ? "/" : "*")} {variable}");
        }

        text.AppendLine("    return m");
        text.AppendLine();

        // Phase 3: per function, the columns, the numpy evaluator and the Jacobian.
        foreach (var f in functions)
        {
            AppendFunction(text, f, plan, result.Variables.Count);
        }

        // Phase 4: PyTorch module, symmetry sampling and the equivariance check.
        AppendTorch(text, main);
        AppendSymmetry(text, result);
        text.AppendLine(CheckEquivariance);
        return text.ToString();
    }

    private static void AppendDocstring(StringBuilder text, ExportedResult result, IReadOnlyList<ExportFunction> functions, string toolVersion)
    {
        text.AppendLine(Q);
        string what = result.Kind switch
        {
            "ring" => "Invariants",
            "pi" => "Buckingham-Pi dimensionless groups",
            _ => "Equivariants",
        };
        text.AppendLine($"{what} of the group {Escape(result.GroupName)}, exported by InvTheory {Escape(toolVersion)}.");
        text.AppendLine();
        string order = result.GroupOrder is null ? result.GroupType : $"{result.GroupType}, order {result.GroupOrder}";
        text.AppendLine($"Group: {Escape(result.GroupName)} ({order})");
        text.AppendLine($"Representations: input {Escape(result.Input)}, output {Escape(result.Output)}");
        text.AppendLine($"Field: {result.Field} (each coefficient is written as the nearest double)");
        text.AppendLine($"Variables, in the column order of x: {Escape(string.Join(", ", result.Variables))}");
        text.AppendLine($"Source: a '{result.Kind}' result, format version {result.Version}, whose {result.PassedChecks} certificate checks passed before export.");
        text.AppendLine();
        text.AppendLine("Functions (x is an array of shape (batch, N_VARS)):");
        foreach (var f in functions)
        {
            string shape = f.IsVectorValued ? $"(batch, {f.Elements.Count}, {f.OutputDimension})" : $"(batch, {f.Elements.Count})";
            text.AppendLine($"  {f.Name}(x) -> {shape}: {Escape(f.Description)}");
            text.AppendLine($"  jacobian{(f == functions[0] ? string.Empty : "_" + f.Name)}(x) -> {shape[..^1]}, N_VARS): partial derivatives");
        }

        text.AppendLine("  Features: torch.nn.Module computing the first function with autograd (needs PyTorch)");
        text.AppendLine("  check_equivariance(fn, trials=100, tol=None, seed=0, batch=4, invariant=False): tests fn on random group elements");
        text.AppendLine();
        text.AppendLine("Non-finite inputs are not checked: NaN and infinities propagate by IEEE arithmetic, so an output");
        text.AppendLine("is affected only when one of its monomials contains the variable. A wrong input width raises ValueError.");
        text.AppendLine(Q);
    }

    private static void AppendFunction(StringBuilder text, ExportFunction f, MonomialPlan plan, int n)
    {
        int count = f.Outputs.Count;
        text.AppendLine($"def _columns_{f.Name}(m):");
        text.AppendLine($"    {Q}Return the {count} outputs of {f.Name}, element-major, as a list of columns.{Q}");
        text.AppendLine("    return [");
        foreach (var output in f.Outputs)
        {
            text.AppendLine($"        {Sum(output.Terms.Select(t => (t.Coefficient, plan.IndexOf(t.Exponents))))},");
        }

        text.AppendLine("    ]");
        text.AppendLine();
        string shape = f.IsVectorValued ? $"(x.shape[0], {f.Elements.Count}, {f.OutputDimension})" : $"(x.shape[0], {f.Elements.Count})";
        text.AppendLine($"def {f.Name}(x):");
        text.AppendLine($"    {Q}Return {Escape(f.Description)} at each row of x, shape {shape.Replace("x.shape[0]", "batch", StringComparison.Ordinal)}.{Q}");
        text.AppendLine("    x = _as_batch(x)");
        text.AppendLine($"    return np.stack(_columns_{f.Name}(_monomials(x, np.ones_like)), axis=1).reshape{shape}");
        text.AppendLine();

        string jacobianName = f.Name is "features" or "basis" ? "jacobian" : "jacobian_" + f.Name;
        string jacobianShape = f.IsVectorValued ? $"(x.shape[0], {f.Elements.Count}, {f.OutputDimension}, {n})" : $"(x.shape[0], {f.Elements.Count}, {n})";
        text.AppendLine($"def {jacobianName}(x):");
        text.AppendLine($"    {Q}Return the partial derivatives d {f.Name}(x) / d x_v, shape {jacobianShape.Replace("x.shape[0]", "batch", StringComparison.Ordinal)}.{Q}");
        text.AppendLine("    x = _as_batch(x)");
        text.AppendLine("    m = _monomials(x, np.ones_like)");
        text.AppendLine($"    j = np.zeros((x.shape[0], {count}, {n}))");
        for (int o = 0; o < count; o++)
        {
            for (int v = 0; v < n; v++)
            {
                var terms = plan.Derivative(f.Outputs[o], v).Where(t => t.Coefficient != 0).ToList();
                if (terms.Count > 0)
                {
                    text.AppendLine($"    j[:, {o}, {v}] = {Sum(terms)}");
                }
            }
        }

        text.AppendLine($"    return j.reshape{jacobianShape}");
        text.AppendLine();
    }

    private static void AppendTorch(StringBuilder text, ExportFunction main)
    {
        string reshape = main.IsVectorValued ? $".reshape(x.shape[0], {main.Elements.Count}, {main.OutputDimension})" : string.Empty;
        text.AppendLine($$""""
            def _make_torch_module():
                try:
                    import torch
                except ImportError as error:
                    raise ImportError("Features needs PyTorch, which is not installed; {{main.Name}}(), jacobian() and check_equivariance() need only numpy.") from error

                class Features(torch.nn.Module):
                    """torch.nn.Module with forward(x) = {{main.Name}}(x), differentiable by autograd; x has shape (batch, N_VARS)."""

                    def forward(self, x):
                        if x.dim() != 2 or x.shape[1] != N_VARS:
                            raise ValueError(_width_message(tuple(x.shape)))
                        return torch.stack(_columns_{{main.Name}}(_monomials(x, torch.ones_like)), dim=1){{reshape}}

                return Features


            def __getattr__(name):
                # PyTorch is imported on first use of Features, so the module loads without it.
                if name == "Features":
                    cls = _make_torch_module()
                    globals()["Features"] = cls
                    return cls
                raise AttributeError("module %r has no attribute %r" % (__name__, name))

            """");
    }

    private static void AppendSymmetry(StringBuilder text, ExportedResult result)
    {
        switch (result.Symmetry)
        {
            case FiniteSymmetry finite:
                text.AppendLine($"# The group elements for the check: {(finite.IsClosure ? "all elements" : "the generators and their inverses; random words in them give random elements")}.");
                text.AppendLine($"_GROUP_ELEMENTS_ARE_ALL = {(finite.IsClosure ? "True" : "False")}");
                text.AppendLine($"_ELEMENTS_V = np.array({Matrices(finite.Elements.Select(e => e.Defining), finite.DefiningDimension)})");
                text.AppendLine($"_ELEMENTS_IN = np.array({Matrices(finite.Elements.Select(e => e.Input), finite.InputDimension)})");
                text.AppendLine($"_ELEMENTS_OUT = np.array({Matrices(finite.Elements.Select(e => e.Output), finite.OutputDimension)})");
                text.AppendLine(FiniteSampler);
                break;
            case ClassicalSymmetry classical:
                text.AppendLine($"_FAMILY = {Str(classical.Family)}");
                text.AppendLine($"_DIM = {classical.Dimension}");
                text.AppendLine($"_INPUT_SUMMANDS = {Tuple(classical.Inputs.Select(Tree))}");
                text.AppendLine($"_OUTPUT = {Tree(classical.Output)}");
                text.AppendLine($"_TRANSLATIONS = {(classical.Translations ? "True" : "False")}");
                text.AppendLine($"_PERMUTATIONS = {(classical.Permutations ? "True" : "False")}");
                text.AppendLine(ClassicalSampler);
                break;
            case ScalingSymmetry scaling:
                text.AppendLine($"_DIMENSION_NAMES = {Tuple(scaling.DimensionNames.Select(Str))}");
                string rows = string.Join(", ", scaling.DimensionMatrix.Select(r => "[" + string.Join(", ", r) + "]"));
                text.AppendLine($"_DIMENSION_MATRIX = np.array([{rows}], dtype=np.float64).reshape({scaling.DimensionNames.Count}, {result.Variables.Count})");
                text.AppendLine(ScalingSampler);
                break;
            default:
                text.AppendLine("def _sample(rng):");
                text.AppendLine("    raise NotImplementedError(\"This result stores no group that check_equivariance can sample.\")");
                text.AppendLine();
                text.AppendLine("def _sample_inputs(rng, batch):");
                text.AppendLine("    return rng.standard_normal((batch, N_VARS))");
                text.AppendLine();
                break;
        }
    }

    /// <summary>Returns the Python tuple tree of a representation expression, read by <c>_rep</c>.</summary>
    private static string Tree(RepresentationExpression e)
    {
        var o = e.Operands;
        return e.Operation switch
        {
            RepresentationOperation.Standard => "(\"V\",)",
            RepresentationOperation.Trivial => "(\"1\",)",
            RepresentationOperation.Determinant => "(\"det\",)",
            RepresentationOperation.DirectSum => $"(\"+\", {Tree(o[0])}, {Tree(o[1])})",
            RepresentationOperation.TensorProduct => $"(\"*\", {Tree(o[0])}, {Tree(o[1])})",
            RepresentationOperation.TensorPower => $"(\"^\", {Tree(o[0])}, {e.Power})",
            RepresentationOperation.SymmetricPower => $"(\"sym\", {Tree(o[0])}, {e.Power})",
            RepresentationOperation.ExteriorPower => $"(\"alt\", {Tree(o[0])}, {e.Power})",
            RepresentationOperation.Dual => $"(\"dual\", {Tree(o[0])})",
            _ => throw new NotSupportedException($"The Python export has no numpy construction for the representation operation {e.Operation}."),
        };
    }

    private static string Sum(IEnumerable<(double Coefficient, int Monomial)> terms)
    {
        var result = new StringBuilder();
        foreach (var (c, m) in terms)
        {
            double magnitude = Math.Abs(c);
            string factor = magnitude == 1.0 ? $"m[{m}]" : $"{MonomialPlan.Literal(magnitude)} * m[{m}]";
            if (result.Length == 0)
            {
                result.Append(c < 0 ? "-" : string.Empty).Append(factor);
            }
            else
            {
                result.Append(c < 0 ? " - " : " + ").Append(factor);
            }
        }

        return result.Length == 0 ? "0.0 * m[0]" : result.ToString();
    }

    private static string Matrices(IEnumerable<IReadOnlyList<double>> matrices, int size)
    {
        int rows = size, columns = size;
        var text = new StringBuilder("[");
        foreach (var entries in matrices)
        {
            text.Append('[');
            for (int r = 0; r < rows; r++)
            {
                text.Append('[').Append(string.Join(", ", Enumerable.Range(0, columns).Select(c => MonomialPlan.Literal(entries[(r * columns) + c])))).Append("], ");
            }

            text.Append("],\n    ");
        }

        return text.Append(']').ToString();
    }

    private static string Tuple(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count == 1 ? $"({list[0]},)" : $"({string.Join(", ", list)})";
    }

    /// <summary>Returns a Python string literal.</summary>
    internal static string Str(string value)
    {
        var text = new StringBuilder("\"");
        foreach (char c in value)
        {
            text.Append(c switch
            {
                '\\' => "\\\\",
                '"' => "\\\"",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when c < ' ' || c > '~' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return text.Append('"').ToString();
    }

    private static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(Q, "\\\"\\\"\\\"", StringComparison.Ordinal);

    private const string Helpers = """
        def _width_message(shape):
            return "expected x of shape (batch, %d) with columns %s; got shape %s" % (N_VARS, ", ".join(VARIABLES), shape)


        def _as_batch(x):
            x = np.asarray(x, dtype=np.float64)
            if x.ndim != 2 or x.shape[1] != N_VARS:
                raise ValueError(_width_message(x.shape))
            return x

        """;

    private const string FiniteSampler = """
        def _sample(rng):
            # Returns (matrix on the input, shift of the input, matrix on the output, matrix on V) of a random element.
            if _GROUP_ELEMENTS_ARE_ALL:
                i = int(rng.integers(len(_ELEMENTS_V)))
                return _ELEMENTS_IN[i], 0.0, _ELEMENTS_OUT[i], _ELEMENTS_V[i]
            g_v, g_in, g_out = np.eye(_ELEMENTS_V.shape[1]), np.eye(_ELEMENTS_IN.shape[1]), np.eye(_ELEMENTS_OUT.shape[1])
            for i in rng.integers(len(_ELEMENTS_V), size=24):
                g_v, g_in, g_out = g_v @ _ELEMENTS_V[i], g_in @ _ELEMENTS_IN[i], g_out @ _ELEMENTS_OUT[i]
            return g_in, 0.0, g_out, g_v


        def _sample_inputs(rng, batch):
            return rng.standard_normal((batch, N_VARS))

        """;

    private const string ScalingSampler = """
        def _sample(rng):
            # A change of units: base dimension k is rescaled by s_k, so variable v is multiplied by prod_k s_k^D[k, v].
            s = np.exp(rng.standard_normal(len(_DIMENSION_NAMES)))
            factors = np.exp(np.log(s) @ _DIMENSION_MATRIX)
            return np.diag(factors), 0.0, np.ones((1, 1)), dict(zip(_DIMENSION_NAMES, s.tolist()))


        def _sample_inputs(rng, batch):
            # Physical quantities with units are positive here, which keeps fractional powers and quotients finite.
            return np.exp(rng.standard_normal((batch, N_VARS)))

        """;

    private const string ClassicalSampler = """
        def _haar_orthogonal(rng, d):
            # QR of a Gaussian matrix with the signs of diag(R) moved into Q gives a Haar-distributed element of O(d).
            q, r = np.linalg.qr(rng.standard_normal((d, d)))
            return q * np.sign(np.diag(r))


        def _sample_defining(rng):
            d = _DIM
            if _FAMILY in ("O", "SO"):
                g = _haar_orthogonal(rng, d)
                if _FAMILY == "SO" and np.linalg.det(g) < 0:
                    g[:, 0] = -g[:, 0]
                return g
            # Lorentz groups, metric diag(1, -1, ..., -1): a spatial rotation, then a boost of rapidity in [-1, 1].
            r = _haar_orthogonal(rng, d - 1) if d > 1 else np.eye(0)
            if _FAMILY == "SO+1" and d > 1 and np.linalg.det(r) < 0:
                r[:, 0] = -r[:, 0]
            rotation = np.eye(d)
            rotation[1:, 1:] = r
            n = rng.standard_normal(d - 1)
            n = n / np.linalg.norm(n)
            phi = rng.uniform(-1.0, 1.0)
            boost = np.eye(d)
            boost[0, 0] = np.cosh(phi)
            boost[0, 1:] = np.sinh(phi) * n
            boost[1:, 0] = np.sinh(phi) * n
            boost[1:, 1:] += (np.cosh(phi) - 1.0) * np.outer(n, n)
            g = boost @ rotation
            if _FAMILY == "O1" and rng.integers(2) == 1:
                g[0, :] = -g[0, :]
            return g


        def _symmetric_exponents(n, k):
            # Exponent vectors of degree k in n variables, descending lexicographic order.
            if n == 0:
                return [()] if k == 0 else []
            if n == 1:
                return [(k,)]
            return [(e,) + rest for e in range(k, -1, -1) for rest in _symmetric_exponents(n - 1, k - e)]


        def _symmetric_power(a, k):
            # Row alpha holds the coefficients of prod_i (a x)_i^alpha_i in the monomial basis x^beta.
            n = a.shape[0]
            basis = _symmetric_exponents(n, k)
            index = {e: i for i, e in enumerate(basis)}
            result = np.zeros((len(basis), len(basis)))
            for row, alpha in enumerate(basis):
                poly = {(0,) * n: 1.0}
                for i, power in enumerate(alpha):
                    for _ in range(power):
                        product = {}
                        for e, c in poly.items():
                            for j in range(n):
                                if a[i, j] != 0.0:
                                    key = e[:j] + (e[j] + 1,) + e[j + 1:]
                                    product[key] = product.get(key, 0.0) + c * a[i, j]
                        poly = product
                for e, c in poly.items():
                    result[row, index[e]] = c
            return result


        def _exterior_power(a, k):
            import itertools
            subsets = list(itertools.combinations(range(a.shape[0]), k))
            result = np.ones((len(subsets), len(subsets)))
            for r, rows in enumerate(subsets):
                for c, cols in enumerate(subsets):
                    result[r, c] = np.linalg.det(a[np.ix_(rows, cols)]) if k > 0 else 1.0
            return result


        def _block_diagonal(blocks):
            size = sum(b.shape[0] for b in blocks)
            result = np.zeros((size, size))
            at = 0
            for b in blocks:
                result[at:at + b.shape[0], at:at + b.shape[0]] = b
                at += b.shape[0]
            return result


        def _rep(e, g):
            # The matrix of g in the representation given by the expression tree e, in InvTheory's bases.
            op = e[0]
            if op == "V":
                return g
            if op == "1":
                return np.ones((1, 1))
            if op == "det":
                return np.array([[np.linalg.det(g)]])
            if op == "+":
                return _block_diagonal([_rep(e[1], g), _rep(e[2], g)])
            if op == "*":
                return np.kron(_rep(e[1], g), _rep(e[2], g))
            if op == "^":
                a, result = _rep(e[1], g), np.ones((1, 1))
                for _ in range(e[2]):
                    result = np.kron(result, a)
                return result
            if op == "sym":
                return _symmetric_power(_rep(e[1], g), e[2])
            if op == "alt":
                return _exterior_power(_rep(e[1], g), e[2])
            return np.linalg.inv(_rep(e[1], g)).T


        def _sample(rng):
            # Returns (matrix on the input, shift of the input, matrix on the output, matrix on V) of a random element.
            g = _sample_defining(rng)
            blocks = [_rep(s, g) for s in _INPUT_SUMMANDS]
            order = list(range(len(blocks)))
            if _PERMUTATIONS:
                # Runs of equal consecutive summands are identical inputs, which may be permuted among themselves.
                start = 0
                while start < len(order):
                    end = start
                    while end + 1 < len(order) and _INPUT_SUMMANDS[end + 1] == _INPUT_SUMMANDS[start]:
                        end += 1
                    order[start:end + 1] = (start + rng.permutation(end - start + 1)).tolist()
                    start = end + 1
            offsets = np.cumsum([0] + [b.shape[0] for b in blocks])
            a_in = np.zeros((offsets[-1], offsets[-1]))
            for target, source in enumerate(order):
                a_in[offsets[target]:offsets[target + 1], offsets[source]:offsets[source + 1]] = blocks[source]
            shift = np.zeros(offsets[-1])
            if _TRANSLATIONS:
                t = rng.standard_normal(_DIM)
                for i, s in enumerate(_INPUT_SUMMANDS):
                    if s == ("V",):
                        shift[offsets[i]:offsets[i + 1]] = t
            return a_in, shift, _rep(_OUTPUT, g), g


        def _sample_inputs(rng, batch):
            return rng.standard_normal((batch, N_VARS))

        """;

    private const string CheckEquivariance = """"
        class EquivarianceReport:
            """Outcome of check_equivariance: passed, max_error, tol, trials, and the worst trial's element and inputs."""

            def __init__(self, passed, max_error, tol, trials, worst_trial, worst_element, worst_inputs):
                self.passed = passed
                self.max_error = max_error
                self.tol = tol
                self.trials = trials
                self.worst_trial = worst_trial
                self.worst_element = worst_element
                self.worst_inputs = worst_inputs

            def __bool__(self):
                return self.passed

            def __repr__(self):
                verdict = "passed" if self.passed else "FAILED"
                return ("EquivarianceReport(%s: max relative error %.3g over %d trials, tolerance %.3g; worst trial %d, element %r)"
                        % (verdict, self.max_error, self.trials, self.tol, self.worst_trial, self.worst_element))


        def _act_on_output(a_out, y):
            if a_out.shape[0] == 1:
                return y * a_out[0, 0]
            if y.shape[-1] != a_out.shape[0]:
                raise ValueError("the function returned shape %s, but the output representation has dimension %d, which must be the last axis"
                                 % (y.shape, a_out.shape[0]))
            return y @ a_out.T


        def _as_numpy_function(fn):
            # A torch.nn.Module gets torch tensors of its parameters' dtype (float64 when it has none) and returns numpy.
            if not hasattr(fn, "parameters"):
                return fn
            import torch
            parameter = next(iter(fn.parameters()), None)
            dtype = parameter.dtype if parameter is not None else torch.float64

            def call(x):
                with torch.no_grad():
                    return fn(torch.as_tensor(x, dtype=dtype)).detach().cpu().numpy()
            return call


        def _output_epsilon(y):
            # The machine epsilon of a floating output, and float64's for integer or other outputs.
            if np.issubdtype(y.dtype, np.floating):
                return float(np.finfo(y.dtype).eps)
            return float(np.finfo(np.float64).eps)


        def check_equivariance(fn, trials=100, tol=None, seed=0, batch=4, invariant=False):
            """Test fn(g x) == rho_out(g) fn(x) on random group elements g and random inputs x.

            fn maps an array of shape (batch, N_VARS) to an array whose last axis carries the output representation
            (any shape when the output is one-dimensional, as for invariants). With invariant=True the output is
            treated as trivial, fn(g x) == fn(x), as for invariants() next to an equivariant basis. fn may also be a
            torch.nn.Module; it then receives tensors of its parameters' dtype. The error of a trial is
            max |fn(g x) - rho_out(g) fn(x)| / max(1, max |rho_out(g) fn(x)|). Returns an EquivarianceReport that is
            true when every trial's error is at most tol.

            tol=None chooses max(1e-8, 100 * eps), where eps is the machine epsilon of the least precise floating
            dtype that fn returned: 1e-8 for float64 and about 1.2e-5 for float32, whose rounding alone reaches
            about 1e-7 relative error in a small network. Outputs that are not floating point count as float64.
            """
            fn = _as_numpy_function(fn)
            rng = np.random.default_rng(seed)
            worst = (-1.0, -1, None, None)
            eps = float(np.finfo(np.float64).eps)
            for trial in range(trials):
                a_in, shift, a_out, element = _sample(rng)
                if invariant:
                    a_out = np.ones((1, 1))
                x = _sample_inputs(rng, batch)
                raw_y = np.asarray(fn(x))
                raw_gy = np.asarray(fn(x @ a_in.T + shift))
                eps = max(eps, _output_epsilon(raw_y), _output_epsilon(raw_gy))
                y = raw_y.astype(np.float64)
                gy = raw_gy.astype(np.float64)
                expected = _act_on_output(a_out, y)
                if gy.shape != expected.shape:
                    raise ValueError("fn returned shapes %s and %s for two batches of the same size" % (y.shape, gy.shape))
                if expected.size == 0:
                    error = 0.0
                else:
                    error = float(np.max(np.abs(gy - expected))) / max(1.0, float(np.max(np.abs(expected))))
                if not np.isfinite(error):
                    error = float("inf")
                if error > worst[0]:
                    worst = (error, trial, element, x)
            if tol is None:
                tol = max(1e-8, 100.0 * eps)
            return EquivarianceReport(worst[0] <= tol, worst[0], tol, trials, worst[1], worst[2], worst[3])
        """";
}
