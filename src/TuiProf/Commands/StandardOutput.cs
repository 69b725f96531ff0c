namespace TuiProf.Commands;

/// <summary>
/// stdout for the commands that print (plot, export, heap, ps, scenarios): as <see cref="Console.Out"/>, but a write
/// error (<c>&gt; /dev/full</c>, a full disk) is one line and exit 1 through <see cref="GuardedOutput"/>. A closed
/// pipe (<c>| head</c>) stays silent, as the console stream makes it.
/// </summary>
public static class StandardOutput
{
    private static readonly Lazy<TextWriter> Guarded = new(() => TextWriter.Synchronized(
        new StreamWriter(OpenStream(), Console.Out.Encoding) { AutoFlush = true }));

    public static TextWriter Writer => Guarded.Value;

    /// <summary>The same stdout as bytes, for a writer of UTF-8 (JSON); dispose it to push what it holds.</summary>
    public static Stream OpenStream() => new GuardedOutput(Console.OpenStandardOutput(), "stdout");
}
