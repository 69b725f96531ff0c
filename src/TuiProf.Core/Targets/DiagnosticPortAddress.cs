namespace TuiProf.Core.Targets;

/// <summary>
/// A diagnostic port as dotnet-counters spells it: <c>PATH[,connect|listen]</c>. PATH alone means listen: TuiProf
/// waits for a runtime started with <c>DOTNET_DiagnosticPorts=PATH</c>; connect reaches a runtime's listening socket
/// (its default one in a TMPDIR shared with a container, or a dotnet-dsrouter socket). The .NET 10 runtime ignores
/// <c>DOTNET_DiagnosticPorts=PATH,listen</c>, so its own default socket is the one to reach.
/// </summary>
public sealed record DiagnosticPortAddress(string Path, bool Listen)
{
    public static DiagnosticPortAddress Parse(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var mode = parts.Length > 1 ? parts[1] : "listen";
        if (parts[0].Length == 0 || parts.Length > 2 || mode is not ("listen" or "connect"))
            throw new FormatException($"'{text}' is not a diagnostic port: give PATH, PATH,listen or PATH,connect");
        return new DiagnosticPortAddress(System.IO.Path.GetFullPath(parts[0]), mode == "listen");
    }

    /// <summary>
    /// What is wrong with the address before anything is tried, in one line; null when nothing is. A socket file
    /// nobody listens on (a TuiProf killed outright left it) is no problem: listening replaces it.
    /// </summary>
    public string? Problem() =>
        !Directory.Exists(System.IO.Path.GetDirectoryName(Path)) ? $"diagnostic port {Path}: no such directory"
        : !Listen ? File.Exists(Path) ? null : $"diagnostic port {Path} does not exist (give a runtime's own socket, dotnet-diagnostic-PID-KEY-socket in its TMPDIR, or the folder that holds it)"
        : SocketFile.Of(Path) switch
        {
            SocketFile.State.Listened => $"diagnostic port {Path}: something listens there already (another tuiprof?): give another path, or ',connect' to reach what listens",
            SocketFile.State.NotASocket => $"diagnostic port {Path} exists already and is not a socket: remove it, or give another path",
            _ => null,
        };

    public override string ToString() => $"{Path},{(Listen ? "listen" : "connect")}";
}
