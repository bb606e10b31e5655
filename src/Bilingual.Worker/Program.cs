using Bilingual.Worker;

// The command line is the index of everything the executable does: see BilingualCommandLine.
return await BilingualCommandLine.Create().Parse(args).InvokeAsync();
