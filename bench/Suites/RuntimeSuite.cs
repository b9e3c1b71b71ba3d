using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using InvTheory.Bench.Harness;
using InvTheory.Invariants.Classical;
using InvTheory.Invariants.Equivariants;
using InvTheory.Representations;
using InvTheory.Representations.Classical;
using InvTheory.Representations.Constructions;
using InvTheory.Runtime.Autodiff;
using InvTheory.Runtime.Evaluation;
using InvTheory.Runtime.Experiments;
using InvTheory.Runtime.Models;

namespace InvTheory.Bench.Suites;

/// <summary>
/// The runtime against PyTorch on the CPU, in float64 on both sides. One case evaluates the O(3)-invariant features of
/// the springy pendulum's inputs (q1, q2, p1, p2, g) on a batch of 500. The other runs one training epoch of the
/// pendulum demo's Hamiltonian network (batch 500, 5 time points, RK4 on the tape through dH/dz, one Adam step).
/// </summary>
/// <remarks>
/// The PyTorch script is written at run time from the same exported data: the feature polynomials as
/// <c>Float64BasisJson</c>, the initial weights and the input standardization as a <c>Checkpoint</c> document, and the
/// training chunks. It builds each monomial by gathering input columns (one gather per degree) and multiplies the
/// monomials by the coefficient matrix, so no polynomial is typed twice. Both sides print the same check text: the sum
/// of the features, and for the epoch the loss and the sum of squares of the weights after the Adam step.
/// </remarks>
public sealed class RuntimeSuite : IBenchmarkSuite
{
    private const int Batch = 500;
    private const int FeatureRepetitions = 1000;
    private const ulong DataSeed = 0;
    private const ulong WeightSeed = 1000;

    private readonly Lazy<Fixture> _fixture = new(CreateFixture);

    /// <inheritdoc />
    public string Name => "runtime";

    /// <inheritdoc />
    public string Description =>
        "runtime against PyTorch (CPU, float64): pendulum invariant features on a batch of 500, one training epoch of the Hamiltonian network";

    /// <inheritdoc />
    public IReadOnlyList<BenchmarkCase> CreateCases()
    {
        var features = BenchmarkCase.Create(
            "features-o3-pendulum",
            $"{FeatureRepetitions} evaluations of the 15 certified O(3) invariants of (q1, q2, p1, p2, g) on a batch of {Batch} (CompiledBasis)",
            () => _fixture.Value,
            fixture =>
            {
                var outputs = fixture.FeatureOutputs;
                for (int r = 0; r < FeatureRepetitions; r++)
                {
                    fixture.Features.Evaluate(fixture.FeatureInputs, Batch, outputs);
                }

                return "sum " + Format(outputs.Sum());
            },
            [.. TorchThreads.Select(t => new PeerCase("PyTorch", $"gather-multiply + matmul, no_grad, {Threads(t)}", FeatureScript(t), FeatureComputation, "check")
            {
                DefaultRuns = 5,
            })]);
        var epoch = BenchmarkCase.Create(
            "hnn-epoch-pendulum",
            $"one epoch of the demo's Hamiltonian network (15 invariants, SiLU 4 x 100, {Batch} chunks of 5 states, batch {Batch}, RK4 through dH/dz, Adam)",
            () =>
            {
                var fixture = _fixture.Value;
                var model = CreateModel(fixture);
                return (Fixture: fixture, Model: model, Trainer: new PendulumTrainer(model, fixture.Data.Training, fixture.Settings, DataSeed, fixture.Tape));
            },
            input =>
            {
                double loss = input.Trainer.RunEpoch(0);
                double squares = 0;
                foreach (var parameter in input.Model.Parameters)
                {
                    foreach (double w in parameter.Value.AsSpan())
                    {
                        squares += w * w;
                    }
                }

                return $"loss {Format(loss)} weights {Format(squares)}";
            },
            [.. TorchThreads.Select(t => new PeerCase("PyTorch", $"autograd.grad(create_graph=True), Adam, {Threads(t)}", EpochScript(t), EpochComputation, "check")
            {
                DefaultRuns = 5,
            })]) with { DefaultRuns = 5 };
        return [features, epoch];
    }

    private static readonly int[] TorchThreads = [1, 2];

    private const string FeatureComputation = """
        with torch.no_grad():
            for _ in range(REPETITIONS):
                out = features(x)
        check = 'sum ' + fmt(out.sum().item())
        """;

    private const string EpochComputation = """
        check = epoch()
        """;

    private static string Threads(int t) => t == 1 ? "1 thread" : $"{t} threads";

    private static string Format(double value) => value.ToString("0.000000000e+00", CultureInfo.InvariantCulture);

    private sealed record Fixture(
        PendulumSettings Settings,
        PendulumData Data,
        CompiledBasis Features,
        Float64Basis FeatureBasis,
        double[] FeatureInputs,
        double[] FeatureOutputs,
        Tape Tape);

    private static Fixture CreateFixture()
    {
        // Ten stored states per trajectory keep the data phase short; the chunks have the demo's 5 states.
        var settings = new PendulumSettings(Trajectories: Batch, Seeds: 1, TimePoints: 10);
        var data = PendulumData.Generate(settings, DataSeed);

        // The certified generators of the O(3) invariants of five vectors (first fundamental theorem), converted to doubles.
        var result = FirstFundamentalTheorem.Compute(ClassicalGroup.Parse("O(3)"), RepresentationText.ParseSummands("5*T1"), RepresentationExpression.Trivial);
        var basis = PolynomialBasis.ToFloat64Basis([.. result.Invariants.Select(g => g.Map.Components[0])]);
        int n = basis.VariableCount;
        var inputs = new double[Batch * n];
        for (int row = 0; row < Batch; row++)
        {
            data.Training.State(row, 0).CopyTo(inputs.AsSpan(row * n));
            for (int c = 0; c < 3; c++)
            {
                inputs[(row * n) + 12 + c] = SpringPendulum.Gravity[c];
            }
        }

        var compiled = new CompiledBasis(basis);
        var outputs = new double[Batch * compiled.OutputCount];
        compiled.Evaluate(inputs, Batch, outputs);
        CheckInnerProducts(inputs, n, outputs, compiled.OutputCount);
        return new Fixture(settings, data, compiled, basis, inputs, outputs, new Tape());
    }

    // The certified generators must be the 15 inner products <u_i, u_j> of the five vectors (vector i in variables 3i..3i+2).
    private static void CheckInnerProducts(double[] inputs, int n, double[] outputs, int k)
    {
        var expected = new List<double>();
        var found = new List<double>();
        for (int row = 0; row < 3; row++)
        {
            var x = inputs.AsSpan(row * n, n);
            for (int i = 0; i < 5; i++)
            {
                for (int j = i; j < 5; j++)
                {
                    expected.Add((x[3 * i] * x[3 * j]) + (x[(3 * i) + 1] * x[(3 * j) + 1]) + (x[(3 * i) + 2] * x[(3 * j) + 2]));
                }
            }

            found.AddRange(outputs.AsSpan(row * k, k).ToArray());
        }

        var sortedExpected = expected.Order().ToArray();
        var sortedFound = found.Order().ToArray();
        if (sortedExpected.Length != sortedFound.Length || sortedExpected.Zip(sortedFound).Any(p => Math.Abs(p.First - p.Second) > 1e-12 * (1 + Math.Abs(p.First))))
        {
            throw new InvalidOperationException($"runtime suite: the certified O(3) invariants of 5 vectors are not the 15 inner products ({k} features found).");
        }
    }

    private static HamiltonianModel CreateModel(Fixture fixture)
    {
        var model = (HamiltonianModel)PendulumExperiment.CreateModel(PendulumModelKind.Hamiltonian, fixture.Settings, new DeterministicRandom(WeightSeed));
        PendulumExperiment.StandardizeInputs(model, fixture.Data.Training);
        return model;
    }

    // Python helpers shared by both scripts: the basis compiled into gather indices and a coefficient matrix.
    private const string PythonPrelude = """
        import json
        torch.set_num_threads(THREADS)
        dtype = torch.float64

        def fmt(value):
            return '%.9e' % value

        def compile_basis(basis):
            n = len(basis['variables'])
            monomials = {}
            terms = []
            output = 0
            for element in basis['elements']:
                for component in element['components']:
                    for term in component:
                        factors = tuple(v for v, e in enumerate(term['exponents']) for _ in range(e))
                        column = monomials.setdefault(factors, len(monomials))
                        terms.append((column, output, term['coefficient']))
                    output += 1
            degree = max(1, max(len(m) for m in monomials))
            # Index n is a column of ones appended to the inputs, so shorter monomials are padded with factors 1.
            gathers = [torch.tensor([m[d] if d < len(m) else n for m in monomials], dtype=torch.long) for d in range(degree)]
            coefficients = torch.zeros(len(monomials), output, dtype=dtype)
            for column, out, c in terms:
                coefficients[column, out] += c
            return gathers, coefficients

        def make_features(basis):
            gathers, coefficients = compile_basis(basis)
            def features(x_with_ones):
                m = x_with_ones.index_select(1, gathers[0])
                for g in gathers[1:]:
                    m = m * x_with_ones.index_select(1, g)
                return m @ coefficients
            return features
        """;

    private string FeatureScript(int threads)
    {
        var fixture = _fixture.Value;
        var data = new JsonObject
        {
            ["basis"] = Float64BasisJson.ToJson(fixture.FeatureBasis),
            ["inputs"] = Array(fixture.FeatureInputs),
        };
        var script = new StringBuilder();
        script.AppendLine(Prelude(threads));
        script.AppendLine(CultureInfo.InvariantCulture, $"REPETITIONS = {FeatureRepetitions}");
        script.AppendLine(CultureInfo.InvariantCulture, $"DATA = json.loads(r'''{data.ToJsonString()}''')");
        script.AppendLine("features = make_features(DATA['basis'])");
        script.AppendLine(CultureInfo.InvariantCulture, $"x = torch.tensor(DATA['inputs'], dtype=dtype).reshape({Batch}, -1)");
        script.AppendLine("x = torch.cat([x, torch.ones(x.shape[0], 1, dtype=dtype)], 1)");
        script.AppendLine("check = ''");
        return script.ToString();
    }

    private string EpochScript(int threads)
    {
        var fixture = _fixture.Value;
        var model = CreateModel(fixture);
        var network = model.Hamiltonian.Network;
        var chunks = fixture.Data.Training;
        var states = new List<double>();
        for (int c = 0; c < chunks.Count; c++)
        {
            for (int k = 0; k < chunks.Length; k++)
            {
                states.AddRange(chunks.State(c, k).ToArray());
            }
        }

        var data = new JsonObject
        {
            ["basis"] = Float64BasisJson.ToJson(model.Hamiltonian.Features.Basis),
            ["constants"] = Array(SpringPendulum.Gravity),
            ["checkpoint"] = Checkpoint.ToJson(network.State),
            ["layers"] = network.Parameters.Count / 2,
            ["name"] = "hnn",
            ["chunks"] = Array(states),
            ["chunk_count"] = chunks.Count,
            ["chunk_length"] = chunks.Length,
            ["interval"] = fixture.Settings.SampleInterval,
            ["substeps"] = fixture.Settings.Substeps,
            ["learning_rate"] = fixture.Settings.Schedule.RateAt(0),
        };
        var script = new StringBuilder();
        script.AppendLine(Prelude(threads));
        script.AppendLine(CultureInfo.InvariantCulture, $"DATA = json.loads(r'''{data.ToJsonString()}''')");
        script.AppendLine(EpochPython);
        return script.ToString();
    }

    private static string Prelude(int threads) => PythonPrelude.Replace("THREADS", threads.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    // The demo's Hamiltonian network and loss: H = MLP((phi(z, g) - shift) / scale) with SiLU, the field
    // (dH/dp, -dH/dq) by autograd with create_graph, RK4 over the chunk's intervals, MSE against the chunk's later states.
    private const string EpochPython = """
        features = make_features(DATA['basis'])
        stored = {p['name']: torch.tensor(p['values'], dtype=dtype).reshape(p['rows'], p['columns']) for p in DATA['checkpoint']['parameters']}
        name = DATA['name']
        initial = [stored[f'{name}.{i}.{kind}'] for i in range(DATA['layers']) for kind in ('weight', 'bias')]
        shift = stored[f'{name}.input_shift']
        inverse_scale = 1.0 / stored[f'{name}.input_scale']
        chunks = torch.tensor(DATA['chunks'], dtype=dtype).reshape(DATA['chunk_count'], DATA['chunk_length'], 12)
        start = chunks[:, 0, :].contiguous()
        targets = [chunks[:, k, :].contiguous() for k in range(1, DATA['chunk_length'])]
        constants = torch.tensor(DATA['constants'] + [1.0], dtype=dtype).expand(start.shape[0], -1)
        step = DATA['interval'] / DATA['substeps']
        half = 6
        silu = torch.nn.functional.silu

        def energy(params, z):
            h = (features(torch.cat([z, constants], 1)) - shift) * inverse_scale
            last = len(params) // 2 - 1
            for i in range(last + 1):
                h = torch.addmm(params[2 * i + 1], h, params[2 * i])
                if i < last:
                    h = silu(h)
            return h

        def field(params, z):
            if not z.requires_grad:
                z = z.detach().requires_grad_(True)
            gradient, = torch.autograd.grad(energy(params, z).sum(), z, create_graph=True)
            return torch.cat([gradient[:, half:], -gradient[:, :half]], 1)

        def loss_of(params):
            y = start
            total = 0.0
            for k in range(len(targets)):
                for _ in range(DATA['substeps']):
                    k1 = field(params, y)
                    k2 = field(params, y + 0.5 * step * k1)
                    k3 = field(params, y + 0.5 * step * k2)
                    k4 = field(params, y + step * k3)
                    y = y + (step / 6) * ((k1 + k4) + 2.0 * (k2 + k3))
                total = total + ((y - targets[k]) ** 2).sum()
            return total / (len(targets) * start.shape[0] * 12)

        def epoch():
            # Every timed run starts from the same initial weights and a fresh Adam, as the C# side does.
            params = [p.clone().requires_grad_(True) for p in initial]
            optimizer = torch.optim.Adam(params, lr=DATA['learning_rate'], betas=(0.9, 0.999), eps=1e-8)
            optimizer.zero_grad(set_to_none=True)
            loss = loss_of(params)
            loss.backward()
            optimizer.step()
            with torch.no_grad():
                squares = sum((p * p).sum().item() for p in params)
            return 'loss ' + fmt(loss.item()) + ' weights ' + fmt(squares)

        check = ''
        """;

    private static JsonArray Array(IEnumerable<double> values) => new([.. values.Select(v => (JsonNode?)v)]);
}
