# Hitos (src/domain/milestones.ts): una línea en la respuesta del registro los días 7, 14, 28,
# 56 y 90, contados desde el día 0 vigente. Datos de los dos artículos de origen.
milestone-7 = 🏁 Día { $day }: la primera semana es la más dura para el sueño, y ya la has pasado.
milestone-14 = 🏁 Día { $day }: dos semanas. Desde aquí el sueño suele empezar a recuperarse, aunque siga a trozos.
milestone-28 = 🏁 Día { $day }: cuatro semanas. Ahora viene una vuelta gradual hacia tu sueño de siempre.
milestone-56 = 🏁 Día { $day }: ocho semanas, pasado el tramo en que el sueño va encontrando su camino.
milestone-90 = 🏁 Día { $day }: tras un consumo largo e intenso, recuperar del todo el sueño puede llevar de 3 a 6 meses. Vas muy bien encaminado.
