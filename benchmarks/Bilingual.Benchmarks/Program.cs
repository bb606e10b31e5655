using Bilingual.Benchmarks;

// Run on demand: dotnet run -c Release --project benchmarks/Bilingual.Benchmarks -- <name> [options]
var name = args.Length > 0 ? args[0] : "";
var rest = args.Skip(1).ToArray();
return name switch
{
    "segmentation" => SegmentationBenchmark.Run(rest),
    "alignment" => AlignmentBenchmark.Run(rest),
    "alignment-errors" => AlignmentErrorsReport.Run(rest),
    "azure" => await AzureBenchmark.RunAsync(rest),
    "api" => await ApiBenchmark.RunAsync(rest),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project benchmarks/Bilingual.Benchmarks -- segmentation|alignment|alignment-errors|azure|api [options]");
    return 2;
}
