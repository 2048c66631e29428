"""The desktop app (PySide6). The only package that may import Qt; it holds no
checking logic, only what a person sees and does with the engine's findings."""
