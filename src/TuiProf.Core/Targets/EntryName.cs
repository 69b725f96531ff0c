namespace TuiProf.Core.Targets;

/// <summary>
/// What a .NET process is called in a list of them: its entry assembly, not the host that runs it. <c>comm</c> says
/// <c>dotnet</c> for every <c>dotnet app.dll</c> and cuts an apphost's name at 15 characters; the command line
/// says both whole.
/// </summary>
public static class EntryName
{
    /// <param name="arguments">The process's command line, one argument each (<c>/proc/PID/cmdline</c> split at NULs).</param>
    /// <param name="comm">The kernel's short name, used when the command line is gone or empty.</param>
    public static string Of(IReadOnlyList<string> arguments, string comm)
    {
        if (arguments.Count == 0 || arguments[0].Length == 0) return comm;
        var program = Path.GetFileName(arguments[0]);
        if (program is not ("dotnet" or "dotnet.exe")) return program;
        // dotnet [host options] [exec] app.dll: the first .dll argument is the app; "dotnet run/test/build" is the SDK.
        var app = arguments.Skip(1).FirstOrDefault(a => a.EndsWith(".dll", StringComparison.OrdinalIgnoreCase));
        return app is null ? string.Join(' ', arguments.Take(2).Select(Path.GetFileName)) : Path.GetFileNameWithoutExtension(app);
    }

    /// <summary>The entry name of a process of this machine; empty once it is gone.</summary>
    public static string OfProcess(int pid) => Of(ProcessInfo.ArgumentsOf(pid), ProcessInfo.NameOf(pid));
}
