using System.Threading.Channels;
using Microsoft.Diagnostics.NETCore.Client;
using TuiProf.Core.Sources;
using TuiProf.Core.Targets;
using TuiProf.Core.Timeline;

namespace TuiProf.Tests.Sources;

public class ReadyToRunMethodsTests
{
    [Fact]
    public async Task A_precompiled_framework_method_first_called_during_the_session_is_named_as_the_call_site()
    {
        // This test process is the target. Convert.ToHexStringLower's string is allocated in precompiled CoreLib code
        // called nowhere else here (String.Create <- HexConverter.ToString): no MethodLoad and no rundown name it, only
        // its R2RGetEntryPoint. The caller, this test, used to take the sample.
        var pid = Environment.ProcessId;
        var samples = Channel.CreateUnbounded<TimelineEvent>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await using var session = await AllocationSiteSession.StartAsync(LocalRuntime.Endpoint(new DiagnosticsClient(pid), pid), DateTime.UtcNow,
            e => samples.Writer.TryWrite(e), timeout.Token);

        // A first sample of a type of our own says the session is being read (its rundown is over): only then the call.
        GC.KeepAlive(new Marker[20_000]);
        await NextAsync(samples, s => s.TypeName.EndsWith("Marker[]", StringComparison.Ordinal), timeout.Token);
        GC.KeepAlive(Convert.ToHexStringLower(new byte[150_000]));
        var sample = await NextAsync(samples, s => s.TypeName == "System.String" && Caller(s) >= 0, timeout.Token);

        var caller = Caller(sample);
        Assert.True(caller > 0, string.Join(" <- ", sample.Frames));
        Assert.All(sample.Frames.Take(caller), f => Assert.StartsWith("System.", f));
    }

    [Fact]
    public void Only_executable_mappings_are_kept()
    {
        var ranges = ExecutableMappings.Parse("""
            7f5db9270000-7f5db9271000 r--p 00000000 fe:00 350922    /usr/share/dotnet/System.Private.CoreLib.dll
            7f5db9280000-7f5db9dcc000 r-xp 00000000 fe:00 350922    /usr/share/dotnet/System.Private.CoreLib.dll
            7f5e383c9000-7f5e3887a000 r-xp 001c8000 fe:00 351014    /usr/share/dotnet/libcoreclr.so
            7ffd1c9e4000-7ffd1c9e6000 r-xp 00000000 00:00 0         [vdso]
            """);

        Assert.Equal([(0x7f5db9280000UL, 0x7f5db9dcc000UL), (0x7f5e383c9000UL, 0x7f5e3887a000UL), (0x7ffd1c9e4000UL, 0x7ffd1c9e6000UL)], ranges);
    }

    /// <summary>Where this test is on the sample's stack (other tests in this process allocate strings too).</summary>
    private static int Caller(AllocationSite sample) => sample.Frames.ToList().FindIndex(f => f.Contains(nameof(ReadyToRunMethodsTests)));

    private static async Task<AllocationSite> NextAsync(Channel<TimelineEvent> samples, Func<AllocationSite, bool> wanted,
        CancellationToken cancellation)
    {
        while (true)
            if (await samples.Reader.ReadAsync(cancellation) is AllocationSite site && wanted(site))
                return site;
    }

    private sealed record Marker(int Value);
}
