using System.Runtime.InteropServices;

namespace TuiProf.Targets;

/// <summary>Finds the <c>dotnet</c> executable that runs this process, to launch scenario assemblies with.</summary>
public static class DotNetHost
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        if (System.IO.Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
            return Environment.ProcessPath!;
        // The shared runtime lives in <root>/shared/Microsoft.NETCore.App/<version>/; the host in <root>.
        var root = System.IO.Path.GetFullPath(System.IO.Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var candidate = System.IO.Path.Combine(root, "dotnet");
        return File.Exists(candidate) ? candidate : "dotnet";
    }
}
