namespace TuiProf.Core.Heap;

/// <summary>
/// An append-only list in fixed 64 K-element chunks: growing never copies what is there, so a heap of millions of
/// objects is read without the double-size spikes of a doubling array.
/// </summary>
internal sealed class ChunkedBuffer<T> where T : struct
{
    private const int ChunkShift = 16;
    private const int ChunkSize = 1 << ChunkShift;
    private readonly List<T[]> _chunks = [];

    public int Count { get; private set; }

    public T this[int index] => _chunks[index >> ChunkShift][index & (ChunkSize - 1)];

    public void Add(T item)
    {
        if ((Count & (ChunkSize - 1)) == 0 && Count >> ChunkShift == _chunks.Count) _chunks.Add(new T[ChunkSize]);
        _chunks[Count >> ChunkShift][Count & (ChunkSize - 1)] = item;
        Count++;
    }

    public T[] ToArray()
    {
        var all = new T[Count];
        for (var c = 0; c < _chunks.Count; c++)
        {
            var start = c << ChunkShift;
            Array.Copy(_chunks[c], 0, all, start, Math.Min(ChunkSize, Count - start));
        }
        return all;
    }

    /// <summary>Gives the chunks back to the GC (the builder's buffers are dropped once the graph is built).</summary>
    public void Clear()
    {
        _chunks.Clear();
        Count = 0;
    }
}
