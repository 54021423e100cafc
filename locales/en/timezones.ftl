# Place names of the zones in NAMED_ZONES (src/domain/timezone.ts), key zone-<zoneNameSlug>.
# Every other zone shows its IANA place name. A name typed back must find its zone again
# (src/domain/zone-aliases.ts), because /settings and onboarding suggest zones by these names.

zone-america-new-york = New York
zone-america-chicago = Chicago
zone-america-denver = Denver
zone-america-los-angeles = Los Angeles
zone-america-mexico-city = Mexico City
zone-america-bogota = Bogota
zone-europe-madrid = Madrid
zone-europe-london = London
zone-america-havana = Havana
zone-america-asuncion = Asuncion
zone-america-cancun = Cancun
zone-america-merida = Merida
zone-america-mazatlan = Mazatlan
zone-america-panama = Panama
zone-america-puerto-rico = Puerto Rico
zone-america-santo-domingo = Santo Domingo
zone-america-costa-rica = Costa Rica
zone-america-el-salvador = El Salvador
zone-america-sao-paulo = Sao Paulo
zone-america-argentina-buenos-aires = Buenos Aires
zone-atlantic-canary = Canary Islands
zone-europe-berlin = Berlin
zone-europe-paris = Paris
