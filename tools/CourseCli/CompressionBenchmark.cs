using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using ICSharpCode.SharpZipLib.BZip2;
using InfoTheory.Coding;
using InfoTheory.Models;

namespace CourseCli;

/// <summary>
/// `benchmark compression [files...] [--models a,b,...] [--scaling]`: bits per byte of every model of ours (actual
/// file size and the model's ideal code length) against gzip, Brotli, bzip2, and xz / zstd when they
/// are installed, all measured in this run, with every round trip verified; plus our speed and memory.
/// With no files: every file in data/ and 1 MB of seeded random bytes.
/// </summary>
internal static class CompressionBenchmark
{
    private const int RandomLength = 1 << 20;
    private const int RandomSeed = 20240905;

    private sealed record Corpus(string Name, byte[] Bytes);

    private sealed record Measurement(string Compressor, string Corpus, long OriginalBytes, long CompressedBytes,
        double? IdealBits, double CompressSeconds, double DecompressSeconds, long PeakHeapBytes, bool RoundTripOk, bool Stored = false,
        double? CompressCpuSeconds = null, double? DecompressCpuSeconds = null);

    // Peers run as programs on files (they keep their own container format, whose few bytes of overhead
    // count against them as our header counts against us). {in}, {out} and {dir} are filled in.
    private sealed record FilePeer(string Name, string Program, string[] CompressArgs, string[] DecompressArgs, string PackedName);

    private static readonly FilePeer[] FilePeers =
    [
        new("zpaq -m5", "zpaq", ["a", "{out}", "{in}", "-m5"], ["x", "{out}", "-to", "{dir}"], "packed.zpaq"),
        new("7z PPMd o8", "7z", ["a", "-t7z", "-m0=PPMd:o=8:mem=256m", "-mmt=1", "{out}", "{in}"], ["x", "-y", "-o{dir}", "{out}"], "packed.7z"),
    ];

    // The comparison the issue asks for: our default model against zpaq -m5.
    private const string Reference = "zpaq -m5";

    /// <param name="files">The files to measure; empty for every file in data/ and 1 MB of random bytes.</param>
    /// <param name="modelNames">Our models to measure; null for all of them.</param>
    /// <param name="scaling">Also measure the default model at 1, 6 and 24 MB (cost per MB and peak memory).</param>
    public static int Execute(IReadOnlyList<string> files, IReadOnlyList<string>? modelNames, bool scaling = false)
    {
        string[] models = modelNames?.ToArray() ?? ModelCatalog.All.Select(m => m.Name).ToArray();
        foreach (string m in models.Where(m => !ModelCatalog.All.Any(known => known.Name == m)))
        {
            Console.Error.WriteLine($"benchmark compression: unknown model '{m}'. Known models: {string.Join(", ", ModelCatalog.All.Select(k => k.Name))}.");
            return 2;
        }

        List<Corpus> corpora;
        try
        {
            corpora = LoadCorpora(files);
        }
        catch (FileNotFoundException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }

        var external = new List<(string Name, string Program, string[] CompressArgs)>();
        foreach (var (name, program, compressArgs) in new[] { ("xz -9e", "xz", new[] { "-9e", "-c", "-q" }), ("zstd -19", "zstd", new[] { "-19", "-c", "-q" }) })
        {
            if (FindOnPath(program) is null) Console.WriteLine($"({program} is not on PATH: skipped)");
            else external.Add((name, program, compressArgs));
        }

        var filePeers = new List<FilePeer>();
        foreach (FilePeer peer in FilePeers)
        {
            if (FindOnPath(peer.Program) is null) Console.WriteLine($"({peer.Program} is not on PATH: skipped; apt-get install zpaq p7zip-full)");
            else filePeers.Add(peer);
        }

        Console.WriteLine($"Corpora: {string.Join(", ", corpora.Select(c => $"{c.Name} ({c.Bytes.Length.ToString("N0", CultureInfo.InvariantCulture)} bytes)"))}");
        Console.WriteLine();

        var results = new List<Measurement>();
        foreach (Corpus corpus in corpora)
        {
            foreach (string model in models) results.Add(MeasureOurs(model, corpus));
            results.Add(MeasureStandard("gzip -9 (SmallestSize)", corpus, GzipCompress, GzipDecompress));
            results.Add(MeasureStandard("brotli 11 (window 24)", corpus, BrotliCompress, c => BrotliDecompress(c, corpus.Bytes.Length)));
            results.Add(MeasureStandard("bzip2 -9", corpus, Bzip2Compress, Bzip2Decompress));
            foreach (var (name, program, compressArgs) in external)
                results.Add(MeasureStandard(name, corpus, d => RunFilter(program, compressArgs, d), c => RunFilter(program, ["-d", "-c", "-q"], c)));
            foreach (FilePeer peer in filePeers) results.Add(MeasureFilePeer(peer, corpus));
            Console.Error.Write('.');
        }
        Console.Error.WriteLine();

        PrintTables(corpora, results);
        bool allOk = results.All(r => r.RoundTripOk);
        Console.WriteLine(allOk
            ? $"All {results.Count} round trips verified byte for byte."
            : $"ROUND TRIP FAILURES: {string.Join(", ", results.Where(r => !r.RoundTripOk).Select(r => $"{r.Compressor} on {r.Corpus}"))}");
        if (scaling && models.Contains(ModelCatalog.DefaultModel)) allOk &= PrintScaling(corpora);
        Console.WriteLine($"Peak working set of this process: {F(Process.GetCurrentProcess().PeakWorkingSet64 / 1e6, 0)} MB.");
        return allOk ? 0 : 1;
    }

    // Compressing and decompressing are measured apart, each from a collected heap: a program does one or
    // the other, and the compressor's tables, garbage once it returns, should not count against the decompressor.
    private static Measurement MeasureOurs(string model, Corpus corpus)
    {
        long baseline = CollectedHeap();
        var sampler = new HeapSampler();
        var clock = Stopwatch.StartNew();
        TimeSpan cpu = ThisProcessCpu();
        CompressionResult result = Compressor.CompressWithStats(corpus.Bytes, model);
        double compressSeconds = clock.Elapsed.TotalSeconds;
        double compressCpu = (ThisProcessCpu() - cpu).TotalSeconds;
        long compressPeak = sampler.Stop() - baseline;

        baseline = CollectedHeap();
        sampler = new HeapSampler();
        clock.Restart();
        cpu = ThisProcessCpu();
        byte[] back = Compressor.Decompress(result.Bytes);
        double decompressSeconds = clock.Elapsed.TotalSeconds;
        double decompressCpu = (ThisProcessCpu() - cpu).TotalSeconds;
        long decompressPeak = sampler.Stop() - baseline;
        return new Measurement(model, corpus.Name, corpus.Bytes.Length, result.Bytes.Length, result.IdealBits,
            compressSeconds, decompressSeconds, Math.Max(compressPeak, decompressPeak), back.AsSpan().SequenceEqual(corpus.Bytes), result.Stored,
            compressCpu, decompressCpu);
    }

    private static long CollectedHeap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static Measurement MeasureStandard(string name, Corpus corpus, Func<byte[], byte[]> compress, Func<byte[], byte[]> decompress)
    {
        var clock = Stopwatch.StartNew();
        byte[] packed = compress(corpus.Bytes);
        double compressSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        byte[] back = decompress(packed);
        double decompressSeconds = clock.Elapsed.TotalSeconds;
        return new Measurement(name, corpus.Name, corpus.Bytes.Length, packed.Length, null, compressSeconds, decompressSeconds, 0,
            back.AsSpan().SequenceEqual(corpus.Bytes));
    }

    /// <summary>Compresses and decompresses with a peer program through files, timing its CPU with /usr/bin/time when present.</summary>
    private static Measurement MeasureFilePeer(FilePeer peer, Corpus corpus)
    {
        string folder = Directory.CreateTempSubdirectory("itpc-bench-").FullName;
        try
        {
            string input = Path.Combine(folder, corpus.Name);
            string packed = Path.Combine(folder, peer.PackedName);
            string unpacked = Path.Combine(folder, "out");
            File.WriteAllBytes(input, corpus.Bytes);
            // Names relative to the folder the peer runs in: an archive that stores its input's name (zpaq does)
            // should not pay for a long temporary path.
            string[] Fill(string[] args) => args.Select(a => a.Replace("{in}", corpus.Name).Replace("{out}", peer.PackedName).Replace("{dir}", "out")).ToArray();

            var (compressSeconds, compressCpu) = RunTimed(peer.Program, Fill(peer.CompressArgs), folder);
            var (decompressSeconds, decompressCpu) = RunTimed(peer.Program, Fill(peer.DecompressArgs), folder);
            string? back = Directory.Exists(unpacked) ? Directory.EnumerateFiles(unpacked, corpus.Name, SearchOption.AllDirectories).FirstOrDefault() : null;
            bool ok = back is not null && File.ReadAllBytes(back).AsSpan().SequenceEqual(corpus.Bytes);
            return new Measurement(peer.Name, corpus.Name, corpus.Bytes.Length, new FileInfo(packed).Length, null,
                compressSeconds, decompressSeconds, 0, ok, false, compressCpu, decompressCpu);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Runs a program to completion; wall-clock seconds and, with /usr/bin/time, its user + system CPU seconds.</summary>
    private static (double Seconds, double? CpuSeconds) RunTimed(string program, string[] arguments, string folder)
    {
        string timesFile = Path.Combine(folder, "cpu.txt");
        bool timed = File.Exists("/usr/bin/time");
        var start = new ProcessStartInfo(timed ? "/usr/bin/time" : program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
        if (timed) foreach (string a in new[] { "-f", "%U %S", "-o", timesFile, program }) start.ArgumentList.Add(a);
        foreach (string a in arguments) start.ArgumentList.Add(a);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        double seconds = clock.Elapsed.TotalSeconds;
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed: {errors.Result}{output.Result}");
        if (!timed) return (seconds, null);
        string[] parts = File.ReadAllText(timesFile).Trim().Split(' ');
        return (seconds, double.Parse(parts[0], CultureInfo.InvariantCulture) + double.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    /// <summary>CPU time of this process so far (our compressors are single-threaded; the heap sampler mostly sleeps).</summary>
    private static TimeSpan ThisProcessCpu()
    {
        using var me = Process.GetCurrentProcess();
        return me.TotalProcessorTime;
    }

    /// <summary>
    /// The default model on 1, 6 and 24 MB of text (the corpora concatenated, repeated as needed): CPU seconds
    /// per MB each way and peak managed heap, to show cost stays linear and memory bounded.
    /// </summary>
    private static bool PrintScaling(List<Corpus> corpora)
    {
        byte[] all = corpora.Where(c => c.Name != "random-1mb").SelectMany(c => c.Bytes).ToArray();
        if (all.Length == 0) return true;
        Console.WriteLine($"Scaling of {ModelCatalog.DefaultModel} (input: the corpora above concatenated, repeated to length)");
        Console.WriteLine("| input MB | bits/byte | CPU s/MB compress | CPU s/MB decompress | peak managed heap MB |");
        Console.WriteLine("|---:|---:|---:|---:|---:|");
        bool ok = true;
        foreach (int mb in new[] { 1, 6, 24 })
        {
            var input = new byte[mb * 1_000_000];
            for (int i = 0; i < input.Length; i += all.Length) all.AsSpan(0, Math.Min(all.Length, input.Length - i)).CopyTo(input.AsSpan(i));
            Measurement m = MeasureOurs(ModelCatalog.DefaultModel, new Corpus($"{mb} MB", input));
            ok &= m.RoundTripOk;
            Console.WriteLine($"| {mb} | {F(8.0 * m.CompressedBytes / m.OriginalBytes, 3)} | {F(m.CompressCpuSeconds!.Value / mb, 2)} | {F(m.DecompressCpuSeconds!.Value / mb, 2)} | {F(m.PeakHeapBytes / 1e6, 0)}{(m.RoundTripOk ? "" : " FAILED")} |");
        }
        Console.WriteLine();
        return ok;
    }

    private static void PrintTables(List<Corpus> corpora, List<Measurement> results)
    {
        var compressors = results.Select(r => r.Compressor).Distinct().ToList();
        string header = "| compressor | " + string.Join(" | ", corpora.Select(c => c.Name)) + " |";
        string rule = "|---|" + string.Concat(corpora.Select(_ => "---:|"));

        Console.WriteLine("Bits per byte (actual compressed file, header included; lower is better; s = stored as is because the model would expand it)");
        Console.WriteLine(header);
        Console.WriteLine(rule);
        foreach (string name in compressors)
            Console.WriteLine($"| {name} | " + string.Join(" | ", corpora.Select(c => Cell(results, name, c, r => 8.0 * r.CompressedBytes / r.OriginalBytes, markStored: true))) + " |");
        Console.WriteLine();

        var ours = compressors.Where(n => results.Any(r => r.Compressor == n && r.IdealBits is not null)).ToList();
        Console.WriteLine("Our models: ideal code length in bits per byte (the model's summed surprisal / bytes)");
        Console.WriteLine(header);
        Console.WriteLine(rule);
        foreach (string name in ours)
            Console.WriteLine($"| {name} | " + string.Join(" | ", corpora.Select(c => Cell(results, name, c, r => r.IdealBits!.Value / r.OriginalBytes))) + " |");
        Console.WriteLine();

        Console.WriteLine("Speed in MB/s (10^6 bytes of original per second), compress / decompress; a stored file decompresses by copying");
        Console.WriteLine(header);
        Console.WriteLine(rule);
        foreach (string name in compressors)
            Console.WriteLine($"| {name} | " + string.Join(" | ", corpora.Select(c => SpeedCell(results, name, c))) + " |");
        Console.WriteLine();

        Console.WriteLine("CPU seconds per MB (10^6 bytes of original), compress / decompress: fairer than speed on a busy machine");
        Console.WriteLine(header);
        Console.WriteLine(rule);
        foreach (string name in compressors.Where(n => results.Any(r => r.Compressor == n && r.CompressCpuSeconds is not null)))
            Console.WriteLine($"| {name} | " + string.Join(" | ", corpora.Select(c => CpuCell(results, name, c))) + " |");
        Console.WriteLine();

        if (compressors.Contains(Reference))
        {
            // Geometric means of ratios to the reference over the real corpora (not the random bytes, which
            // everyone stores). CPU time as a ratio holds on any machine, where MB/s depends on the machine.
            var real = corpora.Where(c => c.Name != "random-1mb").ToList();
            Console.WriteLine($"Size relative to {Reference}, geometric mean over {string.Join(", ", real.Select(c => c.Name))} (below 1 = smaller than {Reference})");
            foreach (string name in compressors.Where(n => n != Reference))
                if (RatioToReference(results, name, real, r => r.CompressedBytes) is double size)
                    Console.WriteLine($"  {name}: {F(size, 4)} ({F(100 * (size - 1), 2)} %)");
            Console.WriteLine();

            Console.WriteLine($"CPU time relative to {Reference}, geometric mean over the same files, compress / decompress (below 1 = faster than {Reference})");
            foreach (string name in compressors.Where(n => n != Reference))
                if (RatioToReference(results, name, real, r => r.CompressCpuSeconds) is double compress &&
                    RatioToReference(results, name, real, r => r.DecompressCpuSeconds) is double decompress)
                    Console.WriteLine($"  {name}: {F(compress, 2)} / {F(decompress, 2)}");
            Console.WriteLine();
        }

        Console.WriteLine("Peak managed heap above the starting point, the larger of compressing and decompressing (each measured alone), MB (our models; sampled every millisecond)");
        Console.WriteLine(header);
        Console.WriteLine(rule);
        foreach (string name in ours)
            Console.WriteLine($"| {name} | " + string.Join(" | ", corpora.Select(c => Cell(results, name, c, r => r.PeakHeapBytes / 1e6, decimals: 0))) + " |");
        Console.WriteLine();
    }

    /// <summary>
    /// The geometric mean over <paramref name="corpora"/> of <paramref name="compressor"/>'s value divided by
    /// the reference's, over the files where both have a value (null if there is none).
    /// </summary>
    private static double? RatioToReference(List<Measurement> results, string compressor, List<Corpus> corpora, Func<Measurement, double?> value)
    {
        var ratios = corpora
            .Select(c => (Ours: results.FirstOrDefault(r => r.Compressor == compressor && r.Corpus == c.Name),
                          Theirs: results.FirstOrDefault(r => r.Compressor == Reference && r.Corpus == c.Name)))
            .Where(p => p.Ours is not null && p.Theirs is not null && value(p.Ours) > 0 && value(p.Theirs) > 0)
            .Select(p => value(p.Ours!)!.Value / value(p.Theirs!)!.Value)
            .ToList();
        return ratios.Count == 0 ? null : Math.Exp(ratios.Average(Math.Log));
    }

    private static string SpeedCell(List<Measurement> results, string compressor, Corpus corpus)
    {
        var r = results.FirstOrDefault(m => m.Compressor == compressor && m.Corpus == corpus.Name);
        if (r is null || r.OriginalBytes == 0) return "";
        return $"{F(r.OriginalBytes / 1e6 / r.CompressSeconds, 2)} / {F(r.OriginalBytes / 1e6 / r.DecompressSeconds, 2)}";
    }

    private static string CpuCell(List<Measurement> results, string compressor, Corpus corpus)
    {
        var r = results.FirstOrDefault(m => m.Compressor == compressor && m.Corpus == corpus.Name);
        if (r?.CompressCpuSeconds is null || r.DecompressCpuSeconds is null || r.OriginalBytes == 0) return "";
        double mb = r.OriginalBytes / 1e6;
        return $"{F(r.CompressCpuSeconds.Value / mb, 2)} / {F(r.DecompressCpuSeconds.Value / mb, 2)}";
    }

    private static string Cell(List<Measurement> results, string compressor, Corpus corpus, Func<Measurement, double> value, bool markStored = false, int decimals = 3)
    {
        var r = results.FirstOrDefault(m => m.Compressor == compressor && m.Corpus == corpus.Name);
        if (r is null || r.OriginalBytes == 0) return "";
        return F(value(r), decimals) + (markStored && r.Stored ? " s" : "") + (r.RoundTripOk ? "" : " FAILED");
    }

    private static string F(double value, int decimals) => value.ToString("F" + decimals, CultureInfo.InvariantCulture);

    private static List<Corpus> LoadCorpora(IReadOnlyList<string> files)
    {
        if (files.Count > 0)
        {
            return files.Select(f => File.Exists(f)
                ? new Corpus(Path.GetFileName(f), File.ReadAllBytes(f))
                : throw new FileNotFoundException($"benchmark compression: file '{f}' does not exist.")).ToList();
        }
        string dataDirectory = FindDataDirectory()
            ?? throw new FileNotFoundException($"benchmark compression: no files given and no data/ folder found in '{Environment.CurrentDirectory}' or above it.");
        var corpora = Directory.GetFiles(dataDirectory)
            .Where(f => !Path.GetFileName(f).StartsWith('.') && !f.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(f => new Corpus(Path.GetFileName(f), File.ReadAllBytes(f)))
            .ToList();
        var random = new byte[RandomLength];
        new Random(RandomSeed).NextBytes(random);
        corpora.Add(new Corpus("random-1mb", random));
        return corpora;
    }

    private static string? FindDataDirectory()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "data");
            if (Directory.Exists(candidate) && Directory.Exists(Path.Combine(dir.FullName, "lib"))) return candidate;
        }
        return null;
    }

    private static byte[] GzipCompress(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true)) gzip.Write(data);
        return output.ToArray();
    }

    private static byte[] GzipDecompress(byte[] packed)
    {
        using var gzip = new GZipStream(new MemoryStream(packed), CompressionMode.Decompress);
        using var output = new MemoryStream();
        gzip.CopyTo(output);
        return output.ToArray();
    }

    private static byte[] BrotliCompress(byte[] data)
    {
        using var encoder = new BrotliEncoder(quality: 11, window: 24);
        var output = new byte[BrotliEncoder.GetMaxCompressedLength(data.Length)];
        var status = encoder.Compress(data, output, out _, out int written, isFinalBlock: true);
        if (status != System.Buffers.OperationStatus.Done) throw new InvalidOperationException($"Brotli failed: {status}");
        return output[..written];
    }

    private static byte[] BrotliDecompress(byte[] packed, int originalLength)
    {
        var output = new byte[originalLength];
        return BrotliDecoder.TryDecompress(packed, output, out int written) ? output[..written] : [];
    }

    private static byte[] Bzip2Compress(byte[] data)
    {
        using var output = new MemoryStream();
        using (var bzip2 = new BZip2OutputStream(output, 9) { IsStreamOwner = false }) bzip2.Write(data);
        return output.ToArray();
    }

    private static byte[] Bzip2Decompress(byte[] packed)
    {
        using var bzip2 = new BZip2InputStream(new MemoryStream(packed));
        using var output = new MemoryStream();
        bzip2.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>Samples the managed heap size on a background thread and keeps the largest value seen.</summary>
    private sealed class HeapSampler
    {
        private readonly Thread _thread;
        private volatile bool _stop;
        private long _peak;

        public HeapSampler()
        {
            _peak = GC.GetTotalMemory(false);
            _thread = new Thread(() =>
            {
                while (!_stop)
                {
                    long now = GC.GetTotalMemory(false);
                    if (now > Interlocked.Read(ref _peak)) Interlocked.Exchange(ref _peak, now);
                    Thread.Sleep(1);
                }
            }) { IsBackground = true };
            _thread.Start();
        }

        /// <summary>Stops sampling; returns the largest heap size seen.</summary>
        public long Stop()
        {
            _stop = true;
            _thread.Join();
            return Math.Max(Interlocked.Read(ref _peak), GC.GetTotalMemory(false));
        }
    }

    /// <summary>Runs a compressor program as a filter: bytes to its standard input, its standard output back.</summary>
    private static byte[] RunFilter(string program, string[] arguments, byte[] input)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var output = new MemoryStream();
        var reading = process.StandardOutput.BaseStream.CopyToAsync(output);
        var errors = process.StandardError.ReadToEndAsync();
        process.StandardInput.BaseStream.Write(input);
        process.StandardInput.Close();
        reading.Wait();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed: {errors.Result}");
        return output.ToArray();
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);
}
