namespace TuiProf.Tests.Export;

/// <summary>
/// Finds a real tool the export tests check against: an environment variable naming its path, else the command on
/// PATH; if neither, a failure that says how to install it (.ci/run does).
/// </summary>
public static class InstalledTool
{
    public static string Locate(string command, string variable, string install)
    {
        if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } path)
            return File.Exists(path) ? path : throw new InvalidOperationException($"{variable}={path}: no such file");
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, command)).FirstOrDefault(File.Exists);
        return found ?? throw new InvalidOperationException(
            $"'{command}' is not installed (set {variable} to its path, or: {install}); .ci/run installs it");
    }
}
