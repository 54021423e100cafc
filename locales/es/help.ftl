help-title = 🆘 Apoyo, ahora mismo
help-emergency = Si estás en peligro inmediato, llama ya al { $number }.
help-emergency-local = Si estás en peligro inmediato, llama ya al número de emergencias de tu país.
resource-us-988 =
    📞 988 Línea de Prevención del Suicidio y Crisis — llama o escribe al { $phone }, o chatea en { $chat }.
    Gratis, 24/7. Marca 2 para español.
resource-us-samhsa =
    📞 Línea Nacional de SAMHSA — { $phone } ({ $letters }).
    Gratuita, confidencial, 24/7, los 365 días, en inglés y español. Orientación sobre tratamiento; centros cercanos en { $treatment }.
help-elsewhere = 🌍 Fuera de EE. UU.: { $url } reúne líneas de ayuda gratuitas y verificadas de cada país.
help-not-medical = Steady Nights acompaña tu sueño; no es atención médica.
help-commands-title = Lo que puedo hacer:
