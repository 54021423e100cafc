# Etapas de la abstinencia (PHASE_IDS de src/domain/types.ts): nombre corto y qué es normal.
# Datos de los dos artículos de origen.

phase-using-name = Aún consumes
phase-using-expect =
    Con un consumo diario intenso, el sueño tiende a depender de la dosis.
    El efecto sedante se pierde con la tolerancia y las noches se vuelven inquietas entre dosis.
    Tomar más, o tomarla a la hora de dormir, acelera la dependencia.

phase-preparing-name = Preparación
phase-preparing-expect =
    Las noches más duras suelen llegar la primera semana; para la mayoría, los días 2–5.
    Si puedes, busca flexibilidad para los días 3–7.
    Prepara un dormitorio fresco y oscuro, y elige la hora de levantarte que vas a mantener.

phase-onset-name = Primeros días
phase-onset-expect =
    Los problemas de sueño pueden empezar a las pocas horas de la última dosis.
    Cuesta dormirse, cuesta más seguir dormido y es común despertarse muy temprano.
    Nada de esto significa que algo vaya mal.

phase-peak-name = Pico
phase-peak-expect =
    Para la mayoría, estas son las peores noches.
    Puede haber varias noches de sueño muy roto, o casi nada de sueño.
    Dormir poco sube la ansiedad, los dolores y el bajón de ánimo. Pasa.

phase-easing-name = Alivio
phase-easing-expect =
    Dormirse empieza a costar un poco menos.
    El sueño sigue a trozos y puede que aún no descanses.
    Es normal: el sueño se recupera más tarde que el cuerpo.

phase-rebuilding-name = Reconstrucción
phase-rebuilding-expect =
    El sueño se va recuperando, aunque todavía con noches difíciles.
    Son comunes los sueños intensos o inquietantes, porque el sueño REM vuelve con fuerza.
    Es esperable y pasajero.

phase-post-acute-name = Post-aguda
phase-post-acute-expect =
    El sueño vuelve poco a poco hacia lo que era normal para ti.
    Puede quedar algo de alteración más leve durante un tiempo; es parte del proceso.

phase-long-term-name = Largo plazo
phase-long-term-expect =
    Tras un consumo largo e intenso, recuperar del todo el sueño puede llevar de 3 a 6 meses.
    Mantener fija la hora de levantarte sigue ayudando.
