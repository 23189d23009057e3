using System.Globalization;

namespace InfoTheory.Coding;

/// <summary>One bit read while decoding a prefix code, and what it completed.</summary>
/// <param name="Position">Where the bit is in the input, counting from 0.</param>
/// <param name="Bit">The bit read, '0' or '1'.</param>
/// <param name="Pending">The bits read since the last symbol, this one included.</param>
/// <param name="Symbol">The symbol whose codeword <paramref name="Pending"/> now spells, or default when it spells none yet.</param>
/// <param name="Completes">True when this bit completed a codeword (and <paramref name="Symbol"/> is its symbol).</param>
public sealed record DecodingStep<TSymbol>(int Position, char Bit, string Pending, TSymbol? Symbol, bool Completes)
{
    /// <summary>For example <c>bit 4 '0' → "110" = S</c> or <c>bit 3 '1' → "11" …</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture,
            $"bit {Position,3} '{Bit}' → \"{Pending}\"{(Completes ? $" = {Symbol}" : " …")}");
}

/// <summary>Decoding a prefix code one bit at a time, to watch how it works.</summary>
public static class PrefixDecoding
{
    /// <summary>
    /// Reads <paramref name="bits"/> one at a time, keeping the bits read since the last symbol; as soon as
    /// they spell a codeword, that symbol is decoded and the pending bits start again from empty. Because no
    /// codeword is a prefix of another, the first match is the only possible one: no separators and no
    /// looking ahead are needed. Gives the same symbols as <see cref="PrefixCode{TSymbol}.Decode"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A character other than '0'/'1', bits that no codeword starts
    /// with, or bits left over in the middle of a codeword at the end.</exception>
    public static IReadOnlyList<DecodingStep<TSymbol>> Trace<TSymbol>(PrefixCode<TSymbol> code, string bits)
        where TSymbol : notnull
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(bits);
        var symbolOf = code.Codewords.ToDictionary(kv => kv.Value, kv => kv.Key, StringComparer.Ordinal);
        var steps = new List<DecodingStep<TSymbol>>(bits.Length);
        string pending = "";
        for (int i = 0; i < bits.Length; i++)
        {
            char bit = bits[i];
            if (bit is not ('0' or '1'))
                throw new ArgumentException($"Bit strings may only contain '0' and '1'; found '{bit}' at position {i}.", nameof(bits));
            pending += bit;
            if (symbolOf.TryGetValue(pending, out var symbol))
            {
                steps.Add(new DecodingStep<TSymbol>(i, bit, pending, symbol, Completes: true));
                pending = "";
                continue;
            }
            string soFar = pending;
            if (!code.Codewords.Values.Any(c => c.StartsWith(soFar, StringComparison.Ordinal)))
                throw new ArgumentException(
                    $"No codeword starts with \"{pending}\" (ending at position {i}): these bits were not made by this code.", nameof(bits));
            steps.Add(new DecodingStep<TSymbol>(i, bit, pending, default, Completes: false));
        }
        if (pending.Length > 0)
            throw new ArgumentException($"The bits end in the middle of a codeword (\"{pending}\" is left over).", nameof(bits));
        return steps;
    }
}
