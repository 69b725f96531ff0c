using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Terminal.Gui.Drivers;

namespace TuiProf.Tui;

/// <summary>
/// Terminal.Gui's ANSI input, read when the terminal has something to say. The stock input loop asks stdin every
/// 20 ms whether a key came, 50 wake-ups a second of a thread and of the timer behind its <c>Task.Delay</c>; this one
/// sleeps in <c>poll()</c> on stdin and on a pipe that cancellation writes to, so an idle screen costs no input
/// wake-ups and a key is read the moment it arrives. Parsing stays Terminal.Gui's: the keys are read through
/// <see cref="AnsiInput"/>.
/// </summary>
public sealed partial class WaitingAnsiInput(Action onInput) : IInput<char>
{
    private const short PollIn = 0x001;
    private const short PollError = 0x008 | 0x010 | 0x020; // POLLERR | POLLHUP | POLLNVAL
    private const int CloseOnExec = 0x80000;
    private const int Interrupted = 4; // EINTR

    private readonly AnsiInput _terminal = new();
    private ConcurrentQueue<char>? _queue;

    public CancellationTokenSource? ExternalCancellationTokenSource { get; set; }

    public void Initialize(ConcurrentQueue<char> inputQueue) => _queue = inputQueue;

    public void Run(CancellationToken runCancellationToken)
    {
        var queue = _queue ?? throw new InvalidOperationException("Run before Initialize");
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(runCancellationToken,
            ExternalCancellationTokenSource?.Token ?? CancellationToken.None);
        var token = linked.Token;
        var pipe = new int[2];
        if (Console.IsInputRedirected || Pipe2(pipe, CloseOnExec) != 0)
        {
            RunUnwatched(queue, token);
            return;
        }
        try
        {
            using var wake = token.Register(() => Write(pipe[1], [1], 1));
            var fds = new PollFd[] { new() { Fd = 0, Events = PollIn }, new() { Fd = pipe[0], Events = PollIn } };
            while (!token.IsCancellationRequested)
            {
                if (Poll(fds, fds.Length, -1) < 0)
                {
                    if (Marshal.GetLastPInvokeError() == Interrupted) continue;
                    RunUnwatched(queue, token);
                    return;
                }
                // A terminal gone away (SIGHUP follows) reads as always ready with nothing to read: stop watching it
                // and wait for the end.
                if (Drain(queue)) onInput();
                else if ((fds[0].Revents & (PollIn | PollError)) != 0) fds[0].Fd = -1;
            }
        }
        finally
        {
            Close(pipe[0]);
            Close(pipe[1]);
        }
    }

    public void Dispose() => _terminal.Dispose();

    /// <summary>Queues what the terminal has sent; false if it had nothing.</summary>
    private bool Drain(ConcurrentQueue<char> queue)
    {
        var any = false;
        while (_terminal.Peek())
            foreach (var c in _terminal.Read())
            {
                queue.Enqueue(c);
                any = true;
            }
        return any;
    }

    /// <summary>Where stdin is no terminal, or no pipe or poll is to be had: the stock 20 ms polling.</summary>
    private void RunUnwatched(ConcurrentQueue<char> queue, CancellationToken token)
    {
        while (!token.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(20)))
            if (Drain(queue)) onInput();
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    private static partial int Poll([In, Out] PollFd[] fds, nint count, int timeout);

    [LibraryImport("libc", EntryPoint = "pipe2", SetLastError = true)]
    private static partial int Pipe2([Out] int[] fds, int flags);

    [LibraryImport("libc", EntryPoint = "write")]
    private static partial nint Write(int fd, byte[] buffer, nint count);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);
}
