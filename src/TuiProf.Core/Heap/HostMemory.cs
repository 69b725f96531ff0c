namespace TuiProf.Core.Heap;

/// <summary>
/// What a heap snapshot may need of the host, and whether the host has it: TuiProf holds the dump's graph (100 MB
/// and about 150 bytes an object, and objects average well over 50 bytes: three times the heap covers it), and a
/// snapshot that takes a host down is worse than none (dotnet-monitor #1758, #7682).
/// </summary>
public static class HostMemory
{
    public static long SnapshotNeeds(long heapBytes) => 100_000_000 + 3 * heapBytes;

    /// <summary>The kernel's estimate of memory available without swapping (<c>MemAvailable</c>), null if unknown.</summary>
    public static long? Available()
    {
        try
        {
            var line = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemAvailable:", StringComparison.Ordinal));
            return line?.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [_, var kb, "kB"] && long.TryParse(kb, out var value) ? value * 1024 : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }
}
