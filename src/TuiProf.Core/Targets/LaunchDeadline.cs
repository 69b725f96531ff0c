using System.Diagnostics;

namespace TuiProf.Core.Targets;

/// <summary>
/// How long a launch is given for its first runtime to answer: the connect timeout, and past it for as long as one of
/// its processes is a .NET program still starting (it has loaded the .NET host or runtime), up to
/// <see cref="StartingLimit"/>. On a loaded 2-core machine a runtime took more than 5 s to open its socket, and was
/// refused as "not a .NET program"; a program that is not .NET (<c>sleep 60</c>) is still refused at the timeout.
/// </summary>
internal sealed class LaunchDeadline(LaunchMark mark, TimeSpan timeout)
{
    public static readonly TimeSpan StartingLimit = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    /// <summary>How long the launch has been waited for.</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Completes when the launch has had its time; ends early (cancelled) with <paramref name="cancellation"/>.</summary>
    public async Task PassedAsync(CancellationToken cancellation)
    {
        await Task.Delay(timeout, cancellation);
        while (_clock.Elapsed < StartingLimit && AnyStarting())
            await Task.Delay(Poll, cancellation);
    }

    private bool AnyStarting() =>
        Directory.EnumerateDirectories("/proc")
            .Select(path => int.TryParse(Path.GetFileName(path), out var pid) ? pid : 0)
            .Any(pid => pid > 0 && IsStartingRuntime(pid) && mark.Claims(pid));

    /// <summary>Whether the process has mapped the .NET host or runtime (its socket is the runtime's next step).</summary>
    private static bool IsStartingRuntime(int pid)
    {
        try
        {
            using var maps = new StreamReader($"/proc/{pid}/maps");
            while (maps.ReadLine() is { } line)
                if (line.EndsWith("/libhostfxr.so", StringComparison.Ordinal) || line.EndsWith("/libcoreclr.so", StringComparison.Ordinal))
                    return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* gone, or not ours to read */ }
        return false;
    }
}
