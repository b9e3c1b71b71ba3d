namespace InvTheory.Invariants.Tests.Export;

/// <summary>A fact that is skipped, with the reason shown, when no Python with numpy exists.</summary>
public sealed class PythonFactAttribute : FactAttribute
{
    public PythonFactAttribute()
    {
        if (PythonRunner.Python is null)
        {
            Skip = PythonRunner.MissingNumpy;
        }
    }
}

/// <summary>A theory that is skipped, with the reason shown, when no Python with numpy exists.</summary>
public sealed class PythonTheoryAttribute : TheoryAttribute
{
    public PythonTheoryAttribute()
    {
        if (PythonRunner.Python is null)
        {
            Skip = PythonRunner.MissingNumpy;
        }
    }
}

/// <summary>A theory that is skipped, with the reason shown, when the Python with numpy cannot import torch.</summary>
public sealed class TorchTheoryAttribute : TheoryAttribute
{
    public TorchTheoryAttribute()
    {
        if (!PythonRunner.HasTorch)
        {
            Skip = "PyTorch is not importable by the Python with numpy (" + (PythonRunner.Python ?? "none found") + ")";
        }
    }
}
