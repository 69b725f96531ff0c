// A heap of a given shape for snapshot tests and benchmarks: TuiProf.HeapTarget OBJECTS PAYLOAD_BYTES.
// OBJECTS / 2 linked items, each holding a byte[] of PAYLOAD_BYTES; then it waits (at most 5 minutes).
if (args.Length != 2 || !int.TryParse(args[0], out var objects) || !int.TryParse(args[1], out var payload))
{
    Console.Error.WriteLine("usage: TuiProf.HeapTarget OBJECTS PAYLOAD_BYTES");
    return 2;
}

var chains = new Item?[1024]; // many short chains, not one list a million deep
for (var i = 0; i < objects / 2; i++)
    chains[i % chains.Length] = new Item(chains[i % chains.Length], new byte[payload]);
GC.Collect();
Console.WriteLine($"ready: {objects:N0} objects, {GC.GetTotalMemory(false) / 1_000_000} MB");
Thread.Sleep(TimeSpan.FromMinutes(5));
GC.KeepAlive(chains);
return 0;

/// <summary>One link of a chain, holding its payload.</summary>
public sealed record Item(Item? Next, byte[] Payload);
