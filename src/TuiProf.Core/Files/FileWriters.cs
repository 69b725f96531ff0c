namespace TuiProf.Core.Files;

/// <summary>
/// Whether any process (but this one) has a file open for writing, as <c>/proc/PID/fd</c> and <c>fdinfo</c> tell: a
/// recorder that was killed holds its recording no more, however it left the last line. Processes of other users
/// that this one cannot look into are not counted.
/// </summary>
public static class FileWriters
{
    private const int WriteAccess = 0b11; // O_WRONLY or O_RDWR, in fdinfo's octal "flags:"

    public static bool Any(string path)
    {
        var full = Path.GetFullPath(path);
        foreach (var process in SafeEnumerate("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(process), out var pid) || pid == Environment.ProcessId) continue;
            foreach (var fd in SafeEnumerate($"{process}/fd"))
            {
                string? target;
                try { target = new FileInfo(fd).LinkTarget; }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { continue; }
                if (target == full && OpenForWriting($"{process}/fdinfo/{Path.GetFileName(fd)}")) return true;
            }
        }
        return false;
    }

    private static bool OpenForWriting(string fdinfo)
    {
        try
        {
            var flags = File.ReadLines(fdinfo).FirstOrDefault(l => l.StartsWith("flags:", StringComparison.Ordinal));
            return flags is not null && (Convert.ToInt32(flags["flags:".Length..].Trim(), 8) & WriteAccess) != 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException) { return false; }
    }

    private static IEnumerable<string> SafeEnumerate(string directory)
    {
        try { return Directory.GetFileSystemEntries(directory); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return []; }
    }
}
