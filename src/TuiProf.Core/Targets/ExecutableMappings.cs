using System.Globalization;

namespace TuiProf.Core.Targets;

/// <summary>
/// A process's executable mappings (<c>/proc/PID/maps</c>): whether two code addresses lie in one mapped image's code.
/// Read again when an address lies outside every mapping read so far (an image loaded since).
/// </summary>
public sealed class ExecutableMappings(int pid)
{
    private IReadOnlyList<(ulong Start, ulong End)> _ranges = [];

    /// <summary>Whether both addresses lie in one executable mapping; false when either lies in none, or the process is gone.</summary>
    public bool Together(ulong address, ulong other)
    {
        var range = Find(address);
        if (range is null)
        {
            _ranges = Parse(Read());
            range = Find(address);
        }
        return range is { } r && other >= r.Start && other < r.End;
    }

    /// <summary>The executable ranges of a maps file (<c>START-END PERMS ...</c>), in address order as the kernel lists them.</summary>
    public static IReadOnlyList<(ulong Start, ulong End)> Parse(string maps) =>
        maps.Split('\n')
            .Select(line => line.Split(' ', 3))
            .Where(fields => fields is [var range, [_, _, 'x', ..], _] && range.Contains('-'))
            .Select(fields => fields[0].Split('-'))
            .Select(bounds => (ulong.Parse(bounds[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture),
                               ulong.Parse(bounds[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture)))
            .ToList();

    private (ulong Start, ulong End)? Find(ulong address)
    {
        int low = 0, high = _ranges.Count - 1;
        while (low <= high)
        {
            var mid = (low + high) / 2;
            if (address < _ranges[mid].Start) high = mid - 1;
            else if (address >= _ranges[mid].End) low = mid + 1;
            else return _ranges[mid];
        }
        return null;
    }

    private string Read()
    {
        try { return File.ReadAllText($"/proc/{pid}/maps"); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return ""; }
    }
}
