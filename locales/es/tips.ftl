# Consejos de sueño, uno por id de src/content/tips.ts (clave: tip-<id>).
# Datos de los dos artículos de origen; lo que toca a fármacos y suplementos es información
# para consultar con farmacia o con quien te recete, nunca una indicación.

tip-fixed-wake-time = ⏰ Levántate a la misma hora todos los días, haya ido como haya ido la noche. Es el paso con más respaldo científico contra el insomnio.
tip-bed-when-sleepy = 🛏️ Acuéstate cuando tengas sueño, no a una hora fija. Lo que ancla el ritmo es la hora de levantarte.
tip-antihistamine-bridge = 💊 Un antihistamínico sin receta (difenhidramina, doxilamina) sirve de puente solo las primeras 3–5 noches; con una semana de uso diario aparece tolerancia. Pregúntalo en la farmacia.
tip-melatonin-low-dose = 🌙 La melatonina en dosis baja (0,5–1 mg, muy por debajo de casi todos los productos), alrededor de 1 hora antes de dormir, marca el horario; no es un sedante. Pregúntalo en la farmacia.
tip-cool-dark-room = ❄️ Mantén el dormitorio fresco, hacia 18–19 °C (65–67 °F), y a oscuras. Las cortinas opacas evitan que la luz temprana te despierte.
tip-no-screens = 📵 Deja las pantallas 60 minutos antes de acostarte. Su luz frena la melatonina.
tip-simple-routine = 📋 Ten una rutina de noche corta y sencilla. Con los mismos pocos pasos cada noche basta.
tip-reduce-stimulation = 🕯️ Baja el ritmo por la noche: luz tenue, poco ruido, nada intenso.
tip-avoid-alcohol-cannabis = 🚫 El alcohol y el cannabis pueden dormirte antes, pero empeoran el sueño en sí. Tu recuperación va mejor sin ellos.
tip-daytime-movement = 🚶 Moverte un poco de día, con calma, como un paseo corto, puede aliviar la inquietud.
tip-exercise-timing = 🏃 En las semanas 2–8 el ejercicio ayuda especialmente a dormir. Mejor por la mañana o a primera hora de la tarde; nada intenso en las 3 horas antes de dormir.
tip-lower-expectations = 🤍 La meta es pasar la noche, no dormir bien. Casi nadie duerme normal tan al principio, y no pasa nada.
tip-accept-broken-sleep = 🛋️ El sueño a trozos es parte de esta etapa y es pasajero. Descansar en la cama también cuenta, aunque no llegues a dormir.
tip-dont-force-sleep = 🌊 El sueño no se puede forzar; intentarlo lo aleja. Si no llega, déjalo estar: preocuparte lo pone más difícil.
tip-dont-watch-clock = 🕰️ Gira el reloj para no verlo. Mirar la hora alimenta la preocupación, no el sueño.
tip-wired-but-exhausted = ⚡ ¿Cansancio total y la mente a mil? Es tu sistema nervioso reajustándose, no algo que estés haciendo mal.
tip-dont-let-it-decide = 🧭 La falta de sueño hace que las ganas de consumir aprieten más. Es el cansancio el que habla: deja pasar la mala noche antes de decidir nada importante.
tip-expect-hard-nights = 🗓️ Cuenta con algunas noches duras al principio; para la mayoría, los días 2–5 son los peores. Pasan.
tip-work-flexibility = 💼 Si tu trabajo lo permite, busca margen para los días 3–7: menos compromisos, teletrabajo u horarios más flexibles.
tip-sleep-lags-behind = 🐢 El sueño suele recuperarse más tarde que los síntomas físicos. Avanzar despacio también es avanzar.
tip-vivid-dreams = 💭 Los sueños intensos o inquietantes de ahora son el sueño REM que vuelve con fuerza. Es esperable y pasajero.
tip-recovery-takes-months = 📆 Tras un consumo largo e intenso, el sueño puede tardar de 3 a 6 meses en recuperarse del todo. Cada pequeño avance cuenta.
tip-prescriber = 🩺 Si la falta de sueño afecta a tu trabajo o tu seguridad, o no mejora tras 2 semanas, habla con quien pueda recetarte. Hay opciones con receta que no crean hábito como las benzodiacepinas.
tip-dose-dependent-sleep = 🔁 Con un consumo diario intenso, el sueño puede acabar dependiendo de la dosis: fácil después de tomarla, difícil cuando se pasa el efecto.
tip-sedation-tolerance = 📉 Con semanas o meses de consumo, el cuerpo se acostumbra al efecto sedante, y la dosis que antes te dormía deja de hacerlo.
tip-rebound-restlessness = 🌀 Las noches inquietas entre dosis son un rebote cuando cada dosis se desvanece. Es el cuerpo adaptándose a un consumo diario intenso, no un fallo tuyo.
tip-dose-timing = ⚠️ Subir la dosis o tomarla a la hora de dormir no devuelve el sueño de antes y acelera la dependencia.
