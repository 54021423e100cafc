help-title = 🆘 Apoyo, ahora mismo
help-emergency = 🚨 Si estás en peligro inmediato, llama ya al { $number }.
help-emergency-local = 🚨 Si estás en peligro inmediato, llama ya al número de emergencias de tu país.
resource-us-988 =
    📞 Línea 988 de Prevención del Suicidio y Crisis: llama o escribe al { $phone }, o chatea en { $chat }.
    Gratis, 24/7. Marca 2 para español.
resource-us-samhsa =
    📞 Línea Nacional de SAMHSA: { $phone } ({ $letters }).
    Gratuita, confidencial, 24/7/365, en inglés y español; orientación sobre tratamiento y centros en { $treatment }.
resource-ca-988 =
    📞 9-8-8, línea de crisis por suicidio: llama o escribe al { $phone }.
    24/7, en inglés y francés.
resource-mx-vida =
    📞 Línea de la Vida: { $phone }.
    Gratuita, 24 horas, los 365 días. Salud mental y adicciones, también pensamientos suicidas.
resource-es-024 =
    📞 { $phone }: Línea de atención a la conducta suicida.
    Gratuita, 24/7/365, confidencial.
resource-samaritans =
    📞 Samaritans: { $phone }.
    Gratis, 24/7.
help-elsewhere = 🌍 En otros países: { $url } reúne líneas de ayuda gratuitas por país; llama al número de emergencias local.
help-not-medical = Steady Nights acompaña tu sueño; no es atención médica.
help-commands = Comandos: { $commands }
