namespace TuiProf.Scenarios;

[Scenario("leak", 6, "A static event keeps every request's buffer alive (.NET only)",
    LookFor = "Twenty HandleRequest brackets each subscribe a handler that captures a 2 MB buffer to a static " +
              "event and never unsubscribe. The heap climbs by 2 MB a bracket, a straight ramp of 40 MB a run, " +
              "and never comes down: every run adds 40 MB more. In the first run the buffers, being large objects, " +
              "trigger gen-2 GCs (reason AllocLarge); the induced gen-2 GC at the end of each run is a full " +
              "collection too. None of them takes anything back, because the static event is a root and " +
              "everything it references is live. Press g to force one yourself: the line does not move. A leak " +
              "in .NET is a reference you forgot, not a cycle.")]
public sealed class Leak : Scenario
{
    private const int Requests = 20;
    private const int BufferBytes = 2_000_000;

    private static event EventHandler? ConfigurationChanged;

    public override void Run(TextWriter output)
    {
        for (var i = 0; i < Requests; i++)
            HandleRequest();
        GC.Collect();
        output.WriteLine($"{ConfigurationChanged?.GetInvocationList().Length ?? 0} handlers still subscribed, " +
                         $"{GC.GetTotalMemory(forceFullCollection: false) / 1_000_000} MB live after GC.Collect()");
    }

    private static void HandleRequest()
    {
        using var activity = Experiment.Source.StartActivity(nameof(HandleRequest));
        var buffer = new byte[BufferBytes];
        Random.Shared.NextBytes(buffer);
        ConfigurationChanged += (_, _) => buffer[0]++;
        Thread.Sleep(100);
    }
}
