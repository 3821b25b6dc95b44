using System.Numerics.Tensors;

namespace LmcBot.Core.Answering.Retrieval;

/// <summary>
/// Exact nearest neighbours by cosine over unit vectors: one contiguous row-major matrix, every row's dot product with
/// the query (<see cref="TensorPrimitives.Dot(ReadOnlySpan{float}, ReadOnlySpan{float})"/>, SIMD), the best k kept in
/// a small heap. Linear in rows; docs/ANSWERING.md says at what size an approximate index would pay. Immutable.
/// </summary>
public sealed class DenseIndex
{
    private readonly float[] _matrix;
    private readonly int[] _items;

    private DenseIndex(int dimensions, float[] matrix, int[] items)
    {
        Dimensions = dimensions;
        _matrix = matrix;
        _items = items;
    }

    public static DenseIndex Empty(int dimensions) => new(dimensions, [], []);

    public int Dimensions { get; }

    /// <summary>Rows, i.e. items that have a vector.</summary>
    public int Count => _items.Length;

    /// <summary>
    /// Builds the matrix from (item, vector) pairs; a null vector leaves its item out (it has none yet).
    /// Vectors are expected unit-length, as <see cref="Embedding.ISentenceEmbedder"/> returns them.
    /// </summary>
    public static DenseIndex Build(int dimensions, IEnumerable<(int Item, float[]? Vector)> rows)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        var present = rows.Where(r => r.Vector is not null).ToList();
        var matrix = new float[present.Count * dimensions];
        var items = new int[present.Count];
        for (var row = 0; row < present.Count; row++)
        {
            var (item, vector) = present[row];
            if (vector!.Length != dimensions)
                throw new ArgumentException($"Item {item}'s vector has {vector.Length} values, not {dimensions}.", nameof(rows));
            vector.CopyTo(matrix, row * dimensions);
            items[row] = item;
        }
        return new DenseIndex(dimensions, matrix, items);
    }

    /// <summary>Whether <paramref name="item"/> has a row.</summary>
    public bool Contains(int item) => Array.IndexOf(_items, item) >= 0;

    /// <summary>The <paramref name="k"/> most similar items, best first; ties keep the lower row first.</summary>
    public IReadOnlyList<DenseHit> Search(ReadOnlySpan<float> query, int k)
    {
        if (query.Length != Dimensions)
            throw new ArgumentException($"The query has {query.Length} values; this index has {Dimensions} dimensions.", nameof(query));
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        k = Math.Min(k, Count);
        if (k == 0) return [];
        // A min-heap of the best k so far: the root is the weakest kept, replaced when a row beats it.
        var heap = new PriorityQueue<int, (float Similarity, int Row)>(k, WeakestFirst.Instance);
        var matrix = _matrix.AsSpan();
        for (var row = 0; row < _items.Length; row++)
        {
            var similarity = TensorPrimitives.Dot(query, matrix.Slice(row * Dimensions, Dimensions));
            if (heap.Count < k) heap.Enqueue(row, (similarity, row));
            else if (heap.TryPeek(out _, out var weakest) && WeakestFirst.Instance.Compare((similarity, row), weakest) > 0)
                heap.EnqueueDequeue(row, (similarity, row));
        }
        var hits = new DenseHit[heap.Count];
        for (var i = hits.Length - 1; i >= 0; i--)
        {
            heap.TryDequeue(out var row, out var priority);
            hits[i] = new DenseHit(_items[row], priority.Similarity);
        }
        return hits;
    }

    /// <summary>Every item's similarity to the query (the same dot products <see cref="Search"/> computes), by item.</summary>
    public Dictionary<int, float> Similarities(ReadOnlySpan<float> query)
    {
        if (query.Length != Dimensions)
            throw new ArgumentException($"The query has {query.Length} values; this index has {Dimensions} dimensions.", nameof(query));
        var result = new Dictionary<int, float>(_items.Length);
        var matrix = _matrix.AsSpan();
        for (var row = 0; row < _items.Length; row++)
            result[_items[row]] = TensorPrimitives.Dot(query, matrix.Slice(row * Dimensions, Dimensions));
        return result;
    }

    /// <summary>Orders by similarity, and at equal similarity a later row counts as weaker (so the earlier is kept).</summary>
    private sealed class WeakestFirst : IComparer<(float Similarity, int Row)>
    {
        public static readonly WeakestFirst Instance = new();

        public int Compare((float Similarity, int Row) x, (float Similarity, int Row) y)
        {
            var bySimilarity = x.Similarity.CompareTo(y.Similarity);
            return bySimilarity != 0 ? bySimilarity : y.Row.CompareTo(x.Row);
        }
    }
}
