using TuiProf.Core.Targets;

namespace TuiProf.Tests;

/// <summary>
/// Where tests put their temp files and directories: under one directory per test run in the system's temp dir,
/// deleted when the run ends (<see cref="TestRunFramework"/>), or by the next run if this one was killed first.
/// Tests leave nothing in /tmp.
/// </summary>
public static class TestTemp
{
    private const string RunPrefix = "tuiprof-tests-";
    private static readonly Lazy<string> Run = new(StartRun);

    /// <summary>A new empty directory, the user's alone (0700, as <see cref="Directory.CreateTempSubdirectory"/> makes).</summary>
    public static string Directory(string prefix) =>
        Create(Path.Combine(Run.Value, prefix + Path.GetRandomFileName().Replace(".", "")),
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

    /// <summary>A path named <paramref name="name"/> in a new directory of its own; nothing is created there.</summary>
    public static string File(string name) => Path.Combine(Directory("tuiprof-test-"), name);

    private static string StartRun()
    {
        foreach (var stale in System.IO.Directory.EnumerateDirectories(Path.GetTempPath(), RunPrefix + "*"))
            if (int.TryParse(Path.GetFileName(stale)[RunPrefix.Length..], out var pid) && !ProcessInfo.IsAlive(pid))
                Delete(stale);
        // 0711: another user may pass through to a directory a test opened to them, but not list the others.
        var run = Create(Path.Combine(Path.GetTempPath(), $"{RunPrefix}{Environment.ProcessId}"),
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupExecute |
            UnixFileMode.OtherExecute);
        return run;
    }

    private static string Create(string path, UnixFileMode mode) =>
        (OperatingSystem.IsWindows() ? System.IO.Directory.CreateDirectory(path) : System.IO.Directory.CreateDirectory(path, mode)).FullName;

    /// <summary>Deletes this run's directory, if it made one: the run is over.</summary>
    internal static void DeleteRun()
    {
        if (Run.IsValueCreated) Delete(Run.Value);
    }

    private static void Delete(string directory)
    {
        try { System.IO.Directory.Delete(directory, recursive: true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { } // still in use, or a mount left behind: the next run retries
    }
}
