// Intentionally empty: FuzzMain only supplies the executable's entry point (see FuzzMain.c).
