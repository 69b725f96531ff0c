using Microsoft.Diagnostics.NETCore.Client;

namespace TuiProf.Core.Targets;

/// <summary>
/// Every request TuiProf sends a runtime over its diagnostics IPC goes through here, with a deadline. A stopped
/// (SIGSTOP) or hung runtime still accepts the connection, the kernel queueing it, but never answers, and the client
/// library would wait forever: a miss is one line, "process N did not answer for 5 s". A request given up holds no
/// thread when the library has an async form of it; the few without one run on a background thread of their own,
/// which a stopped target may hold until it continues or dies, and which never keeps TuiProf from exiting.
/// </summary>
public static class RuntimeCall
{
    /// <summary>How long a runtime may take to answer one request.</summary>
    public static readonly TimeSpan AnswerLimit = TimeSpan.FromSeconds(5);

    /// <summary>How long a stopped session's last events may take to be read once the runtime has flushed them.</summary>
    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(3);

    private static readonly TimeSpan StoppedPoll = TimeSpan.FromMilliseconds(50);

    /// <summary>Sends a request and waits for its answer; a miss throws a <see cref="ProfilerException"/>.</summary>
    /// <param name="what">What was lost, said after the miss (e.g. "no GC was forced"); null for nothing more.</param>
    public static async Task<T> AskAsync<T>(RuntimeEndpoint runtime, Func<CancellationToken, Task<T>> request,
        CancellationToken cancellation = default, TimeSpan? limit = null, string? what = null)
    {
        var within = limit ?? AnswerLimit;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(within);
        try
        {
            // WaitAsync too: a step of the library that ignored the token must not hold us either.
            return await request(deadline.Token).WaitAsync(deadline.Token);
        }
        catch (Exception) when (deadline.IsCancellationRequested && !cancellation.IsCancellationRequested)
        {
            // Whatever the library threw as the deadline cut the request (a cancellation, a closed socket's error).
            throw Unanswered(runtime, within, what);
        }
    }

    public static Task AskAsync(RuntimeEndpoint runtime, Func<CancellationToken, Task> request,
        CancellationToken cancellation = default, TimeSpan? limit = null, string? what = null) =>
        AskAsync(runtime, async token =>
        {
            await request(token);
            return true;
        }, cancellation, limit, what);

    /// <summary>A request the library only sends blocking (e.g. GetProcessEnvironment), on a thread of its own.</summary>
    public static Task<T> AskBlockingAsync<T>(RuntimeEndpoint runtime, Func<T> request, CancellationToken cancellation = default) =>
        AskAsync(runtime, _ => OnOwnThread(request), cancellation);

    /// <summary>
    /// Ends a session: asks the runtime to stop it, which makes it flush what it still holds into the stream; once it
    /// answered, gives <paramref name="reading"/> (the stream's reader) time to read that; then closes the stream.
    /// A process seen stopped is not waited for: it flushes nothing until it continues. Never throws (a target gone
    /// has nothing left to flush).
    /// </summary>
    public static async Task EndAsync(RuntimeEndpoint runtime, EventPipeSession session, Task? reading = null)
    {
        if (await StopAsync(runtime, session) && reading is not null)
            await reading.WaitAsync(DrainLimit).ContinueWith(_ => { }, TaskScheduler.Default);
        // The stop was sent: Dispose only closes the stream (to a session never stopped it sends a blocking Stop).
        session.Dispose();
    }

    /// <summary>
    /// A session opened only for what its start and stop do to the runtime (a forced GC, the type table forgotten).
    /// Its stream is read to the end: unread, a GC-heavy target's events filled the socket, the runtime could not
    /// finish the stop, and its diagnostics server answered nothing more (churn on a loaded CI machine). The stop is
    /// sent before anything can throw: disposing a session never stopped blocks.
    /// </summary>
    public static async Task ShortSessionAsync(RuntimeEndpoint runtime, EventPipeSessionConfiguration configuration, CancellationToken token)
    {
        using var session = await runtime.Client.StartEventPipeSessionAsync(configuration, token);
        var drained = session.EventStream.CopyToAsync(Stream.Null, token);
        await session.StopAsync(token);
        await drained;
    }

    /// <summary>
    /// Asks the runtime to stop a session; whether it answered within the deadline, before its process was seen
    /// stopped. Never throws; the session is marked stopped either way, so disposing it sends nothing more.
    /// </summary>
    public static async Task<bool> StopAsync(RuntimeEndpoint runtime, EventPipeSession session)
    {
        using var stopped = new CancellationTokenSource();
        var watch = runtime.LocalPid is { } pid ? CancelWhenStoppedAsync(pid, stopped) : Task.CompletedTask;
        try
        {
            await AskAsync(runtime, session.StopAsync, stopped.Token);
            return true;
        }
        catch (Exception) { return false; } // unanswered, stopped or gone
        finally
        {
            await stopped.CancelAsync();
            await watch;
        }
    }

    public static ProfilerException Unanswered(RuntimeEndpoint runtime, TimeSpan limit, string? what = null)
    {
        var missed = runtime.LocalPid is { } pid
            ? $"process {pid} did not answer for {limit.TotalSeconds:0.#} s: stopped? (kill -CONT {pid})"
            : $"{runtime.Label} did not answer for {limit.TotalSeconds:0.#} s: stopped or hung?";
        // The inner TimeoutException says what kind of miss this is: a runtime that is only slow may answer later.
        return new ProfilerException(what is null ? missed : $"{missed}; {what}", new TimeoutException());
    }

    private static Task<T> OnOwnThread<T>(Func<T> request)
    {
        var answer = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        new Thread(() =>
        {
            try { answer.SetResult(request()); }
            catch (Exception e) { answer.SetException(e); }
        }) { IsBackground = true, Name = "diagnostics request" }.Start();
        return answer.Task;
    }

    private static async Task CancelWhenStoppedAsync(int pid, CancellationTokenSource stopped)
    {
        try
        {
            while (!ProcessInfo.IsStopped(pid)) await Task.Delay(StoppedPoll, stopped.Token);
            await stopped.CancelAsync();
        }
        catch (OperationCanceledException) { }
    }
}
