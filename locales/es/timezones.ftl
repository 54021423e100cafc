# Nombres de lugar de las zonas de NAMED_ZONES (src/domain/timezone.ts), clave zone-<zoneNameSlug>.
# Las demás zonas muestran el nombre de lugar de IANA. Un nombre escrito de vuelta debe
# encontrar su zona (src/domain/zone-aliases.ts): las sugerencias usan estos nombres.

zone-america-new-york = Nueva York
zone-america-chicago = Chicago
zone-america-denver = Denver
zone-america-los-angeles = Los Ángeles
zone-america-mexico-city = Ciudad de México
zone-america-bogota = Bogotá
zone-europe-madrid = Madrid
zone-europe-london = Londres
zone-america-havana = La Habana
zone-america-asuncion = Asunción
zone-america-cancun = Cancún
zone-america-merida = Mérida
zone-america-mazatlan = Mazatlán
zone-america-panama = Panamá
zone-america-puerto-rico = Puerto Rico
zone-america-santo-domingo = Santo Domingo
zone-america-costa-rica = Costa Rica
zone-america-el-salvador = El Salvador
zone-america-sao-paulo = São Paulo
zone-america-argentina-buenos-aires = Buenos Aires
zone-atlantic-canary = Canarias
zone-europe-berlin = Berlín
zone-europe-paris = París
