using TuiProf.Core.Targets;
using TuiProf.Scenarios;
using TuiProf.Screen;
using TuiProf.Targets;

namespace TuiProf.Live;

/// <summary>
/// What each key of the live screen does, by its name in the <see cref="KeyTable"/>. No key ends or leaves the
/// user's own running program without asking first: y, or the same key again (q q, 1 1), is a yes, and any other
/// key keeps it running. An open question, help or attach list takes the next key; Esc closes them and never quits.
/// </summary>
/// <param name="quit">Ends the live screen.</param>
/// <param name="back">Under <c>top</c>, Esc with nothing to close goes back to the list; this screen stays on its process.</param>
public sealed class DashboardKeys(IProfilerControl profiler, ViewState view, IReadOnlyList<ScenarioInfo> scenarios, Action quit, Action? back = null)
{
    /// <summary>Does what <paramref name="key"/> asks; false for a key that means nothing here.</summary>
    public bool Press(string key)
    {
        var action = view.Keys.Find(key)?.Action ?? UserAction.None;
        if (view.Question is { } question)
        {
            view.Question = null;
            if (action == UserAction.Yes || key == question.Key) question.Yes();
            return true;
        }
        if (view.Help)
        {
            view.Help = false;
            if (action != UserAction.Quit) return true;
        }
        if (view.Picker is { } picker) return PressInPicker(picker, action, key);
        var now = profiler.Now;
        switch (action)
        {
            case UserAction.Close when back is not null: back(); break;
            case UserAction.SelectScenario when key[0] - '0' <= scenarios.Count:
                view.Selected = key[0] - '0' - 1;
                Switch(new TargetSpec.Scenario(scenarios[view.Selected], Loop: true), key);
                break;
            case UserAction.MoveUp: view.Selected = Math.Max(0, view.Selected - 1); break;
            case UserAction.MoveDown: view.Selected = Math.Min(scenarios.Count - 1, view.Selected + 1); break;
            case UserAction.StartSelected: Switch(new TargetSpec.Scenario(scenarios[view.Selected], Loop: true), key); break;
            case UserAction.ForceGc: _ = profiler.ForceGcAsync(); break;
            case UserAction.HeapSnapshot: _ = profiler.TakeHeapSnapshotAsync(); break;
            case UserAction.LeakSuspects: _ = profiler.FindLeakSuspectsAsync(); break;
            case UserAction.Restart: Restart(key); break;
            case UserAction.TogglePause: view.TogglePause(now); break;
            case UserAction.ScrollBack: view.Scroll(-1, now); break;
            case UserAction.ScrollForward: view.Scroll(+1, now); break;
            case UserAction.ScrollToStart: view.ScrollToStart(profiler.Oldest, now); break;
            case UserAction.GoLive: view.PausedAt = null; break;
            case UserAction.ZoomIn: view.ZoomIn(); break;
            case UserAction.ZoomOut: view.ZoomOut(); break;
            case UserAction.NextPanel: view.NextPanel(); break;
            case UserAction.PreviousProcess: profiler.ShowNext(-1); break;
            case UserAction.NextProcess: profiler.ShowNext(+1); break;
            case UserAction.ScrollPanel: view.PanelScroll = Math.Max(0, view.PanelScroll + (key == "PageUp" ? -1 : 1)); break;
            case UserAction.ToggleAscii: view.Ascii = !view.Ascii; break;
            case UserAction.ToggleHelp: view.Help = true; break;
            case UserAction.OpenPicker:
                view.Picker = new ProcessPicker(ProcessInfo.Attachable().Where(p => p.Pid != profiler.ProcessId).ToList());
                break;
            case UserAction.Quit: Quit(key); break;
            case UserAction.Close: view.Message = "Esc closes the help, lists and questions; q or F10 quits"; break;
            case UserAction.Yes: break; // no question to answer
            default: return false;
        }
        return true;
    }

    /// <summary>While the attach list is open, arrows move in it, Enter attaches, any other key closes it.</summary>
    private bool PressInPicker(ProcessPicker picker, UserAction action, string key)
    {
        switch (action)
        {
            case UserAction.MoveUp: view.Picker = picker.Move(-1); break;
            case UserAction.MoveDown: view.Picker = picker.Move(+1); break;
            case UserAction.Quit: Quit(key); break;
            case UserAction.StartSelected when picker.Current is { } process:
                view.Picker = null;
                Switch(new TargetSpec.Process(process.Pid), key);
                break;
            default: view.Picker = null; break;
        }
        return true;
    }

    /// <summary>The user's own program, still running: what no key may end or leave without asking.</summary>
    private string? UsersRunningProgram =>
        profiler.Target is not TargetSpec.Scenario and { } target && profiler.ProcessId is { } pid && !profiler.HasExited
            ? $"pid {pid} ({target.DisplayName})"
            : null;

    private void Switch(TargetSpec target, string key)
    {
        var what = target is TargetSpec.Process p ? $"attach to pid {p.Pid}" : $"run {target.DisplayName}";
        if (UsersRunningProgram is not { } program) Start(target);
        else if (profiler.Target is TargetSpec.Process) Ask($"Detach from {program} (it keeps running) and {what}?", key, () => Start(target));
        else Ask($"End {program} and {what}?", key, () => Start(target));
    }

    private void Restart(string key)
    {
        if (profiler.Target is TargetSpec.Process { Pid: var pid })
            view.Message = $"attached to pid {pid}: r restarts only what TuiProf launched";
        else if (UsersRunningProgram is { } program) Ask($"End {program} and start it again?", key, () => Start(null));
        else Start(null);
    }

    private void Quit(string key)
    {
        if (UsersRunningProgram is { } program && profiler.Target is TargetSpec.Command) Ask($"Quit and end {program}?", key, quit);
        else quit();
    }

    private void Ask(string question, string key, Action yes) => view.Question = new Question(question, key, yes);

    private void Start(TargetSpec? target) => _ = profiler.StartAsync(target);
}
