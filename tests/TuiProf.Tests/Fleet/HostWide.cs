namespace TuiProf.Tests.Fleet;

/// <summary>
/// Tests that watch every .NET process of the user: run alone, after the others, so the processes they list are
/// theirs and they attach to no other test's target.
/// </summary>
[CollectionDefinition(nameof(HostWide), DisableParallelization = true)]
public sealed class HostWide;
