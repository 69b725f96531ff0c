namespace TuiProf.Tests.Faults;

/// <summary>A test that needs root (to create a second user); CI runs as root, elsewhere it is skipped, saying why.</summary>
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (Environment.UserName != "root") Skip = "needs root, to run tuiprof as a second user";
    }
}
