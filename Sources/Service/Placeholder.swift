import Hummingbird
enum ServicePlaceholder {}
