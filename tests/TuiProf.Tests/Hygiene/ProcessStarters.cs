using System.Collections.Concurrent;
using System.Reflection;

namespace TuiProf.Tests.Hygiene;

/// <summary>
/// Which methods can start a process: those from which TuiProf's own code (tests, Core, the tool) reaches CliWrap's
/// execution or <see cref="System.Diagnostics.Process.Start()"/>. A virtual call counts as a call to every override in
/// the callee's assembly, so a launch behind an abstract <c>StartAsync</c> is found too (an interface the tests stand
/// in for: every stand-in).
/// </summary>
public static class ProcessStarters
{
    private static readonly ConcurrentDictionary<MethodBase, MethodBase[]> Calls = new();

    /// <summary>The chain of calls from <paramref name="method"/> to a process start, or null if it starts none.</summary>
    public static IReadOnlyList<MethodBase>? PathFrom(MethodBase method)
    {
        var cameFrom = new Dictionary<MethodBase, MethodBase?> { [method] = null };
        var queue = new Queue<MethodBase>([method]);
        while (queue.TryDequeue(out var current))
        {
            if (StartsAProcess(current)) return Chain(current, cameFrom);
            if (!IsOurs(current)) continue;
            foreach (var next in Calls.GetOrAdd(current, m => [.. MethodReferences.Of(m).SelectMany(WithOverrides)]))
                if (cameFrom.TryAdd(next, current)) queue.Enqueue(next);
        }
        return null;
    }

    private static bool StartsAProcess(MethodBase method) =>
        method.DeclaringType is { } type &&
        (type.Assembly.GetName().Name == "CliWrap" && method.Name.StartsWith("Execute", StringComparison.Ordinal) ||
         type == typeof(System.Diagnostics.Process) && method.Name == nameof(System.Diagnostics.Process.Start));

    private static bool IsOurs(MethodBase method) =>
        method.DeclaringType?.Assembly.GetName().Name is { } name && name.StartsWith("TuiProf", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<MethodBase> WithOverrides(MethodBase method)
    {
        yield return method;
        if (!method.IsVirtual || !IsOurs(method) || method.DeclaringType is not { } type) yield break;
        var parameters = method.GetParameters().Length;
        foreach (var derived in Implementations(type))
            foreach (var candidate in derived.GetMethods(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                if (candidate.Name.EndsWith(method.Name, StringComparison.Ordinal) && candidate.GetParameters().Length == parameters)
                    yield return candidate;
    }

    /// <summary>
    /// The types that can stand behind <paramref name="type"/>: its assembly's. An interface that the tests implement
    /// themselves (a stand-in, as for the key policy's profiler) is taken to be the stand-in: a test that wanted the
    /// real one would create it, and its calls would be found there.
    /// </summary>
    private static IEnumerable<Type> Implementations(Type type)
    {
        var standIns = type.IsInterface ? StandIns(type) : [];
        return standIns.Count > 0 ? standIns : type.Assembly.GetTypes().Where(t => t != type && type.IsAssignableFrom(t));
    }

    private static List<Type> StandIns(Type type) =>
        [.. typeof(ProcessStarters).Assembly.GetTypes().Where(t => t.IsClass && type.IsAssignableFrom(t))];

    private static List<MethodBase> Chain(MethodBase end, Dictionary<MethodBase, MethodBase?> cameFrom)
    {
        var chain = new List<MethodBase>();
        for (MethodBase? at = end; at is not null; at = cameFrom[at]) chain.Insert(0, at);
        return chain;
    }
}
