using TuiProf.Core.Targets;

namespace TuiProf.Core.Sources;

/// <summary>
/// Names frames in ReadyToRun (precompiled) code, which a live TraceLog cannot: such a method sends no MethodLoad
/// event, only R2RGetEntryPoint when it is first called. Most of the framework is precompiled, so without this a
/// sample allocated in <c>Convert.ToBase64String</c> was put on its caller until the method was compiled again at
/// tier 1. A frame is taken for the method whose entry point is the nearest below it, when both lie in one image's
/// code: every precompiled method that runs has sent its entry point since the session began, or was named by the
/// rundown at its start.
/// </summary>
public sealed class ReadyToRunMethods(ExecutableMappings mappings)
{
    private readonly List<(ulong Entry, string Name)> _methods = [];
    private bool _sorted = true;

    public void Add(ulong entryPoint, string name)
    {
        _methods.Add((entryPoint, name));
        _sorted = false;
    }

    /// <summary>The method whose code holds <paramref name="address"/>, or null when it is none of these.</summary>
    public string? NameAt(ulong address)
    {
        if (!_sorted)
        {
            _methods.Sort((a, b) => a.Entry.CompareTo(b.Entry));
            _sorted = true;
        }
        int low = 0, high = _methods.Count - 1, below = -1;
        while (low <= high)
        {
            var mid = (low + high) / 2;
            if (_methods[mid].Entry <= address) (below, low) = (mid, mid + 1);
            else high = mid - 1;
        }
        return below >= 0 && mappings.Together(_methods[below].Entry, address) ? _methods[below].Name : null;
    }
}
