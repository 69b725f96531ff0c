namespace TuiProf.Tests.Faults;

/// <summary>A test that needs root (to create a second user); CI runs as root, elsewhere it is skipped, saying why.</summary>
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute() => Skip = RootTheoryAttribute.SkipUnlessRoot;
}

/// <summary>A theory that needs root, as <see cref="RootFactAttribute"/>.</summary>
public sealed class RootTheoryAttribute : TheoryAttribute
{
    public RootTheoryAttribute() => Skip = SkipUnlessRoot;

    internal static string? SkipUnlessRoot => Environment.UserName == "root" ? null : "needs root, to run tuiprof as a second user";
}
