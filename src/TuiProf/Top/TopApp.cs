using TuiProf.Core.Diagnostics;
using TuiProf.Core.Fleet;
using TuiProf.Core.Targets;
using TuiProf.Core.Rendering;
using TuiProf.Targets;
using TuiProf.Tui;

namespace TuiProf.Top;

/// <summary>
/// <c>tuiprof top</c>: every watched .NET process a row, refreshed live; Enter opens a process's dashboard (a full
/// session: brackets, RSS at 25 Hz, continuing the timeline the row was drawn from), Esc comes back to the list. An
/// opened dashboard keeps profiling while the list is shown, so going back to it loses nothing; it ends when its
/// process does.
/// </summary>
public sealed class TopApp : IScreen
{
    /// <summary>Rows are read from the timelines at most this often, not at every frame.</summary>
    private static readonly TimeSpan RowsPeriod = TimeSpan.FromMilliseconds(250);

    private readonly HostWatch _watch;
    private readonly SessionOptions _dashboardOptions;
    private readonly TopState _state = new();
    private readonly TopKeys _keys;
    private readonly Dictionary<string, TuiApp> _dashboards = [];
    private readonly TimeProvider _clock;
    private readonly TopSnapshots? _snapshots;
    private readonly bool _unicode = TerminalCapabilities.SupportsUnicode;
    private TuiApp? _shown;
    private Action _frameSoon = () => { };
    private Action _quit = () => { };
    private IReadOnlyList<ProcessRow> _rows = [];
    private DateTime _rowsAt;
    private int _historyValues;
    private string? _outcome; // a background request's word, moved to the state by the UI thread

    /// <param name="snapshots">Heap snapshots of any process whose readings make a condition hold (<c>--snapshot-when</c>), or null.</param>
    public TopApp(HostWatchOptions watch, SessionOptions dashboardOptions, bool ascii, TopSnapshots? snapshots = null, TimeProvider? clock = null)
    {
        _snapshots = snapshots;
        _watch = new HostWatch(snapshots is null ? watch : watch with { Observer = snapshots.Observe });
        _dashboardOptions = dashboardOptions;
        _clock = clock ?? TimeProvider.System;
        _state.Ascii = ascii;
        _keys = new TopKeys(_state, () => _rows, Open, ForceGc, () => _quit());
    }

    public static async Task<int> RunAsync(HostWatchOptions watch, SessionOptions dashboardOptions, bool ascii, TopSnapshots? snapshots,
        CancellationToken stop)
    {
        var top = new TopApp(watch, dashboardOptions, ascii, snapshots);
        if (!Console.IsInputRedirected && !Console.IsOutputRedirected) top._watch.Start();
        await ScreenHost.RunAsync(top, stop, headless: "tuiprof serve");
        return 0;
    }

    public void Render(CellGrid grid)
    {
        if (Interlocked.Exchange(ref _outcome, null) is { } outcome) _state.Message = outcome;
        if (_snapshots?.LatestNotice() is { } said) _state.Message = said;
        if (_shown is { } dashboard)
        {
            dashboard.Render(grid);
            return;
        }
        _historyValues = TopRenderer.HistoryValues(grid.Width, braille: _unicode && !_state.Ascii);
        TopRenderer.Draw(grid, Rows(), _state, _clock.GetLocalNow().ToString("HH:mm:ss"), _unicode);
    }

    public bool Press(string key, Action quit)
    {
        _quit = quit;
        if (_shown is { } dashboard) return dashboard.Press(key, quit);
        Rows();
        return _keys.Press(key);
    }

    public void DrawSoonWith(Action frameSoon)
    {
        _frameSoon = frameSoon;
        _watch.Changed += frameSoon; // a process that appears or goes is listed at once
    }

    public async Task EndAsync()
    {
        await Task.WhenAll(_dashboards.Values.Select(d => d.EndAsync()).Append(_watch.DisposeAsync().AsTask()));
        if (_snapshots is not null) await _snapshots.FinishAsync();
    }

    /// <summary>The rows shown, read anew when they are older than <see cref="RowsPeriod"/>; dashboards of processes gone are closed.</summary>
    private IReadOnlyList<ProcessRow> Rows()
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        if (now - _rowsAt < RowsPeriod) return _rows;
        _rowsAt = now;
        var processes = _watch.Processes;
        foreach (var gone in _dashboards.Keys.Except(processes.Select(p => p.Key)).ToList())
        {
            _ = _dashboards[gone].EndAsync();
            _dashboards.Remove(gone);
        }
        return _rows = _state.Shown(processes.Select(Row));
    }

    private ProcessRow Row(WatchedProcess p) => new(p.Key, p.Pid, p.Name, p.CommandLine, p.Problem, _dashboards.ContainsKey(p.Key),
        p.Watched || p.Timeline.HasMemory ? ProcessSummary.Of(p.Timeline, p.Now, _historyValues) : null);

    /// <summary>
    /// Opens a process's dashboard, or goes back to the one open. A process the watch reads hands its timeline over:
    /// the dashboard's full session continues it on the same clock, so the minutes top saw are on screen at once and
    /// one session at a time reads the process.
    /// </summary>
    private void Open(ProcessRow row)
    {
        // One that could not start (a process stopped then, since continued) is tried again, not shown failed forever.
        if (_dashboards.TryGetValue(row.Key, out var failed) && failed.Profiler.StartFailed)
        {
            _dashboards.Remove(row.Key);
            _ = failed.EndAsync();
        }
        if (!_dashboards.TryGetValue(row.Key, out var dashboard))
        {
            var process = _watch.Processes.FirstOrDefault(p => p.Key == row.Key);
            var continued = process is { Pid: not null, OriginUtc: not null } ? process : null;
            dashboard = new TuiApp(_dashboardOptions, back: Back, history: continued?.Timeline) { Ascii = _state.Ascii };
            dashboard.DrawSoonWith(_frameSoon);
            _dashboards[row.Key] = dashboard;
            _ = StartAsync(dashboard, row, continued);
        }
        _shown = dashboard;
    }

    private static async Task StartAsync(TuiApp dashboard, ProcessRow row, WatchedProcess? continued)
    {
        if (continued is not null) await continued.HandOverAsync();
        // A runtime behind a port is its row's key, the port's path: a second connection to it, beside the row's.
        await dashboard.StartAsync(row.Pid is { } pid
            ? new TargetSpec.Process(pid, continued?.OriginUtc)
            : new TargetSpec.Port(new DiagnosticPortAddress(row.Key, Listen: false)));
    }

    private void Back()
    {
        _shown = null;
        _rowsAt = default; // the list as it is now, not as it was when the dashboard opened
    }

    private void ForceGc(ProcessRow row)
    {
        var process = _watch.Processes.FirstOrDefault(p => p.Key == row.Key);
        if (process is null) return;
        _state.Message = $"full GC asked of {row.Name} (pid {row.Pid})";
        _ = process.ForceCollectAsync().ContinueWith(t =>
        {
            if (t.Exception?.GetBaseException() is { } e) _outcome = $"{row.Name}: {e.Message}";
            _frameSoon();
        }, TaskScheduler.Default);
    }
}
