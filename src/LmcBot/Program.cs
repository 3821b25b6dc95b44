Console.WriteLine("LmcBot");
