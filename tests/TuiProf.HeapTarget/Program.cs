using System.Diagnostics;

// A heap of a given shape for snapshot tests and benchmarks: TuiProf.HeapTarget OBJECTS PAYLOAD_BYTES [exit].
// OBJECTS / 2 linked items, each holding a byte[] of PAYLOAD_BYTES, built inside one activity ("Build"); then it says
// how many bytes that took and waits (at most 5 minutes), or with "exit" ends.
if (args.Length is < 2 or > 3 || !int.TryParse(args[0], out var objects) || !int.TryParse(args[1], out var payload) ||
    (args.Length == 3 && args[2] != "exit"))
{
    Console.Error.WriteLine("usage: TuiProf.HeapTarget OBJECTS PAYLOAD_BYTES [exit]");
    return 2;
}

var chains = new Item?[1024]; // many short chains, not one list a million deep
using var source = new ActivitySource("TuiProf.HeapTarget");
long allocated;
using (source.StartActivity("Build"))
{
    var before = GC.GetAllocatedBytesForCurrentThread();
    for (var i = 0; i < objects / 2; i++)
        chains[i % chains.Length] = new Item(chains[i % chains.Length], new byte[payload]);
    allocated = GC.GetAllocatedBytesForCurrentThread() - before;
}
GC.Collect();
Console.WriteLine($"ready: {objects:N0} objects, {GC.GetTotalMemory(false) / 1_000_000} MB; Build allocated {allocated} bytes");
if (args.Length == 2) Thread.Sleep(TimeSpan.FromMinutes(5));
GC.KeepAlive(chains);
return 0;

/// <summary>One link of a chain, holding its payload.</summary>
public sealed record Item(Item? Next, byte[] Payload);
