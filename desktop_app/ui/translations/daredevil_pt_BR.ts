<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name>EditorMenus</name>
    <message>
        <location filename="../editor_menus.py" line="18"/>
        <source>&amp;File</source>
        <translation>&amp;Arquivo</translation>
    </message>
    <message>
        <location filename="../editor_menus.py" line="20"/>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <location filename="../editor_menus.py" line="23"/>
        <source>&amp;Playback</source>
        <translation>&amp;Reprodução</translation>
    </message>
    <message>
        <location filename="../editor_menus.py" line="26"/>
        <source>&amp;Timing</source>
        <translation>&amp;Tempos</translation>
    </message>
    <message>
        <location filename="../editor_menus.py" line="30"/>
        <source>&amp;Review</source>
        <translation>Re&amp;visão</translation>
    </message>
    <message>
        <location filename="../editor_menus.py" line="32"/>
        <source>&amp;Speakers</source>
        <translation>&amp;Falantes</translation>
    </message>
    <message>
        <location filename="../editor_menus.py" line="34"/>
        <source>&amp;View</source>
        <translation>E&amp;xibir</translation>
    </message>
    <message>
        <location filename="../editor_menus.py" line="63"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../editor_menus.py" line="64"/>
        <source>Offset in seconds; negative moves subtitles earlier</source>
        <translation>Deslocamento em segundos; negativo adianta as legendas</translation>
    </message>
    <message>
        <location filename="../editor_menus.py" line="65"/>
        <source>Time offset</source>
        <translation>Deslocamento de tempo</translation>
    </message>
</context>
<context>
    <name>EditorPlayback</name>
    <message>
        <location filename="../editor_playback.py" line="43"/>
        <source>{0}×</source>
        <translation>{0}×</translation>
    </message>
    <message>
        <location filename="../editor_playback.py" line="45"/>
        <source>Playback speed (the pitch is kept)</source>
        <translation>Velocidade de reprodução (o tom é mantido)</translation>
    </message>
    <message>
        <location filename="../editor_playback.py" line="46"/>
        <source>Playback speed</source>
        <translation>Velocidade de reprodução</translation>
    </message>
    <message>
        <location filename="../editor_playback.py" line="49"/>
        <source>Playback position</source>
        <translation>Posição da reprodução</translation>
    </message>
    <message>
        <location filename="../editor_playback.py" line="63"/>
        <location filename="../editor_playback.py" line="178"/>
        <source>Play</source>
        <translation>Reproduzir</translation>
    </message>
    <message>
        <location filename="../editor_playback.py" line="64"/>
        <source>Play or pause the source</source>
        <translation>Reproduzir ou pausar a origem</translation>
    </message>
    <message>
        <location filename="../editor_playback.py" line="65"/>
        <source>Back 5 s</source>
        <translation>Voltar 5 s</translation>
    </message>
    <message>
        <location filename="../editor_playback.py" line="66"/>
        <source>Jump back five seconds</source>
        <translation>Voltar cinco segundos</translation>
    </message>
    <message>
        <location filename="../editor_playback.py" line="67"/>
        <source>Forward 5 s</source>
        <translation>Avançar 5 s</translation>
    </message>
    <message>
        <location filename="../editor_playback.py" line="68"/>
        <source>Jump forward five seconds</source>
        <translation>Avançar cinco segundos</translation>
    </message>
    <message>
        <location filename="../editor_playback.py" line="69"/>
        <source>Play segment</source>
        <translation>Reproduzir segmento</translation>
    </message>
    <message>
        <location filename="../editor_playback.py" line="70"/>
        <source>Play the selected segment once</source>
        <translation>Reproduzir uma vez o segmento selecionado</translation>
    </message>
    <message>
        <location filename="../editor_playback.py" line="71"/>
        <source>Loop segment</source>
        <translation>Repetir segmento</translation>
    </message>
    <message>
        <location filename="../editor_playback.py" line="72"/>
        <source>Play the selected segment over and over</source>
        <translation>Reproduzir o segmento selecionado em repetição</translation>
    </message>
    <message>
        <location filename="../editor_playback.py" line="73"/>
        <source>Slower</source>
        <translation>Mais devagar</translation>
    </message>
    <message>
        <location filename="../editor_playback.py" line="74"/>
        <source>Play more slowly</source>
        <translation>Reproduzir mais devagar</translation>
    </message>
    <message>
        <location filename="../editor_playback.py" line="75"/>
        <source>Faster</source>
        <translation>Mais rápido</translation>
    </message>
    <message>
        <location filename="../editor_playback.py" line="76"/>
        <source>Play faster</source>
        <translation>Reproduzir mais rápido</translation>
    </message>
    <message>
        <location filename="../editor_playback.py" line="178"/>
        <source>Pause</source>
        <translation>Pausar</translation>
    </message>
</context>
<context>
    <name>EnginePage</name>
    <message>
        <location filename="../engine_page.py" line="29"/>
        <source>Automatic (faster-whisper where the model allows)</source>
        <translation>Automático (faster-whisper quando o modelo permite)</translation>
    </message>
    <message>
        <location filename="../engine_page.py" line="30"/>
        <source>faster-whisper (CTranslate2)</source>
        <translation>faster-whisper (CTranslate2)</translation>
    </message>
    <message>
        <location filename="../engine_page.py" line="31"/>
        <source>openai-whisper (PyTorch)</source>
        <translation>openai-whisper (PyTorch)</translation>
    </message>
    <message>
        <location filename="../engine_page.py" line="32"/>
        <source>faster-whisper is several times faster and needs less memory</source>
        <translation>O faster-whisper é várias vezes mais rápido e usa menos memória</translation>
    </message>
    <message>
        <location filename="../engine_page.py" line="35"/>
        <source>Automatic (int8 on the CPU, float16 on a GPU)</source>
        <translation>Automático (int8 na CPU, float16 na GPU)</translation>
    </message>
    <message>
        <location filename="../engine_page.py" line="36"/>
        <source>int8 (CPU)</source>
        <translation>int8 (CPU)</translation>
    </message>
    <message>
        <location filename="../engine_page.py" line="36"/>
        <source>float32 (CPU)</source>
        <translation>float32 (CPU)</translation>
    </message>
    <message>
        <location filename="../engine_page.py" line="37"/>
        <source>float16 (GPU)</source>
        <translation>float16 (GPU)</translation>
    </message>
    <message>
        <location filename="../engine_page.py" line="37"/>
        <source>int8_float16 (GPU)</source>
        <translation>int8_float16 (GPU)</translation>
    </message>
    <message>
        <location filename="../engine_page.py" line="38"/>
        <source>How faster-whisper computes; openai-whisper uses float32 on the CPU, float16 on a GPU</source>
        <translation>Como o faster-whisper calcula; o openai-whisper usa float32 na CPU e float16 na GPU</translation>
    </message>
    <message>
        <location filename="../engine_page.py" line="40"/>
        <source>Skip silence (voice activity detection)</source>
        <translation>Pular silêncio (detecção de voz)</translation>
    </message>
    <message>
        <location filename="../engine_page.py" line="41"/>
        <source>Silence costs seconds, not minutes, and gives no invented text</source>
        <translation>O silêncio custa segundos, não minutos, e não gera texto inventado</translation>
    </message>
    <message>
        <location filename="../engine_page.py" line="43"/>
        <source>On</source>
        <translation>Ligado</translation>
    </message>
    <message>
        <location filename="../engine_page.py" line="43"/>
        <source>Off</source>
        <translation>Desligado</translation>
    </message>
    <message>
        <location filename="../engine_page.py" line="43"/>
        <source>Automatic (from 30 s of audio)</source>
        <translation>Automático (a partir de 30 s de áudio)</translation>
    </message>
    <message>
        <location filename="../engine_page.py" line="44"/>
        <source>Decode several parts of the audio at once (faster on long files)</source>
        <translation>Decodificar várias partes do áudio de uma vez (mais rápido em arquivos longos)</translation>
    </message>
    <message>
        <location filename="../engine_page.py" line="46"/>
        <source>Silence skipping and batching apply to faster-whisper only.</source>
        <translation>Pular silêncio e decodificar em lotes valem só para o faster-whisper.</translation>
    </message>
    <message>
        <location filename="../engine_page.py" line="49"/>
        <source>Engine:</source>
        <translation>Motor:</translation>
    </message>
    <message>
        <location filename="../engine_page.py" line="50"/>
        <source>Compute type:</source>
        <translation>Tipo de cálculo:</translation>
    </message>
    <message>
        <location filename="../engine_page.py" line="52"/>
        <source>Batched decoding:</source>
        <translation>Decodificação em lotes:</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../export_dialog.py" line="59"/>
        <source>Export subtitles</source>
        <translation>Exportar legendas</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="76"/>
        <location filename="../export_dialog.py" line="149"/>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="86"/>
        <source>Export the transcript of {0}.</source>
        <translation>Exportar a transcrição de {0}.</translation>
    </message>
    <message numerus="yes">
        <location filename="../export_dialog.py" line="88"/>
        <source>%n transcript(s) to export.</source>
        <translation>
            <numerusform>%n transcrição para exportar.</numerusform>
            <numerusform>%n transcrições para exportar.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="121"/>
        <source>None of these jobs has a transcript yet.</source>
        <translation>Nenhum destes trabalhos tem transcrição ainda.</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="129"/>
        <source>{0} → {1}</source>
        <translation>{0} → {1}</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="148"/>
        <source>Exporting…</source>
        <translation>Exportando…</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="148"/>
        <source>Stop</source>
        <translation>Parar</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="163"/>
        <source>Exporting {0} ({1} of {2})…</source>
        <translation>Exportando {0} ({1} de {2})…</translation>
    </message>
    <message>
        <location filename="../export_messages.py" line="20"/>
        <source>File exists</source>
        <translation>O arquivo já existe</translation>
    </message>
    <message>
        <location filename="../export_messages.py" line="21"/>
        <source>{0} already exists in {1}.</source>
        <translation>{0} já existe em {1}.</translation>
    </message>
    <message>
        <location filename="../export_messages.py" line="22"/>
        <source>Replace</source>
        <translation>Substituir</translation>
    </message>
    <message>
        <location filename="../export_messages.py" line="23"/>
        <source>Add a number</source>
        <translation>Acrescentar um número</translation>
    </message>
    <message>
        <location filename="../export_messages.py" line="24"/>
        <source>Skip</source>
        <translation>Pular</translation>
    </message>
    <message>
        <location filename="../export_messages.py" line="26"/>
        <source>Do the same for every existing file</source>
        <translation>Fazer o mesmo para todos os arquivos existentes</translation>
    </message>
    <message>
        <location filename="../export_messages.py" line="43"/>
        <source>Export failed</source>
        <translation>A exportação falhou</translation>
    </message>
    <message>
        <location filename="../export_messages.py" line="45"/>
        <source>Export finished with problems</source>
        <translation>Exportação concluída com problemas</translation>
    </message>
    <message>
        <location filename="../export_messages.py" line="47"/>
        <source>Export finished</source>
        <translation>Exportação concluída</translation>
    </message>
    <message numerus="yes">
        <location filename="../export_messages.py" line="48"/>
        <source>Wrote %n file(s).</source>
        <translation>
            <numerusform>%n arquivo gravado.</numerusform>
            <numerusform>%n arquivos gravados.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../export_messages.py" line="51"/>
        <source>  …and %n more (see the details)</source>
        <translation>
            <numerusform>  …e mais %n (veja os detalhes)</numerusform>
            <numerusform>  …e mais %n (veja os detalhes)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../export_messages.py" line="53"/>
        <source>In: {0}</source>
        <translation>Em: {0}</translation>
    </message>
    <message numerus="yes">
        <location filename="../export_messages.py" line="55"/>
        <source>Skipped %n existing file(s).</source>
        <translation>
            <numerusform>%n arquivo existente ignorado.</numerusform>
            <numerusform>%n arquivos existentes ignorados.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../export_messages.py" line="57"/>
        <source>Stopped before every job was exported.</source>
        <translation>Interrompido antes de exportar todos os trabalhos.</translation>
    </message>
    <message>
        <location filename="../export_messages.py" line="59"/>
        <source>Could not export:</source>
        <translation>Não foi possível exportar:</translation>
    </message>
    <message>
        <location filename="../export_messages.py" line="66"/>
        <source>Open folder</source>
        <translation>Abrir pasta</translation>
    </message>
</context>
<context>
    <name>ExportOptionsForm</name>
    <message>
        <location filename="../export_options.py" line="60"/>
        <source>Formats</source>
        <translation>Formatos</translation>
    </message>
    <message>
        <location filename="../export_options.py" line="63"/>
        <source>SubRip (.srt)</source>
        <translation>SubRip (.srt)</translation>
    </message>
    <message>
        <location filename="../export_options.py" line="64"/>
        <source>WebVTT (.vtt)</source>
        <translation>WebVTT (.vtt)</translation>
    </message>
    <message>
        <location filename="../export_options.py" line="65"/>
        <source>Advanced SubStation (.ass)</source>
        <translation>Advanced SubStation (.ass)</translation>
    </message>
    <message>
        <location filename="../export_options.py" line="66"/>
        <source>Plain text (.txt)</source>
        <translation>Texto simples (.txt)</translation>
    </message>
    <message>
        <location filename="../export_options.py" line="67"/>
        <source>Tab-separated (.tsv)</source>
        <translation>Separado por tabulações (.tsv)</translation>
    </message>
    <message>
        <location filename="../export_options.py" line="68"/>
        <source>JSON (.json)</source>
        <translation>JSON (.json)</translation>
    </message>
    <message>
        <location filename="../export_options.py" line="69"/>
        <source>MAXQDA transcript (.maxqda.txt)</source>
        <translation>Transcrição para o MAXQDA (.maxqda.txt)</translation>
    </message>
    <message>
        <location filename="../export_options.py" line="70"/>
        <source>Word document (.docx)</source>
        <translation>Documento do Word (.docx)</translation>
    </message>
    <message>
        <location filename="../export_options.py" line="77"/>
        <source>Times in plain text and Word</source>
        <translation>Tempos no texto simples e no Word</translation>
    </message>
    <message>
        <location filename="../export_options.py" line="78"/>
        <source>Start each line of the .txt file, and each paragraph of the .docx file, with its time</source>
        <translation>Começar cada linha do arquivo .txt, e cada parágrafo do arquivo .docx, com o seu tempo</translation>
    </message>
    <message>
        <location filename="../export_options.py" line="84"/>
        <source>Speakers as “Name: text”</source>
        <translation>Falantes como “Nome: texto”</translation>
    </message>
    <message>
        <location filename="../export_options.py" line="85"/>
        <source>Speakers as “[Name] text”</source>
        <translation>Falantes como “[Nome] texto”</translation>
    </message>
    <message>
        <location filename="../export_options.py" line="86"/>
        <source>How SubRip and SubStation subtitles show who speaks</source>
        <translation>Como as legendas SubRip e SubStation mostram quem fala</translation>
    </message>
    <message>
        <location filename="../export_options.py" line="94"/>
        <source>Lines</source>
        <translation>Linhas</translation>
    </message>
    <message>
        <location filename="../export_options.py" line="98"/>
        <source>Characters per line, at most:</source>
        <translation>Caracteres por linha, no máximo:</translation>
    </message>
    <message>
        <location filename="../export_options.py" line="101"/>
        <source>Lines per subtitle, at most:</source>
        <translation>Linhas por legenda, no máximo:</translation>
    </message>
    <message>
        <location filename="../export_options.py" line="105"/>
        <location filename="../export_options.py" line="111"/>
        <location filename="../export_options.py" line="121"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../export_options.py" line="106"/>
        <source>Subtitle duration, at most:</source>
        <translation>Duração da legenda, no máximo:</translation>
    </message>
    <message>
        <location filename="../export_options.py" line="112"/>
        <source>Gap between subtitles, at least:</source>
        <translation>Intervalo entre legendas, no mínimo:</translation>
    </message>
    <message>
        <location filename="../export_options.py" line="113"/>
        <source>Start a new subtitle after each sentence</source>
        <translation>Começar uma nova legenda após cada frase</translation>
    </message>
    <message>
        <location filename="../export_options.py" line="116"/>
        <source>Start a new subtitle after a pause of</source>
        <translation>Começar uma nova legenda após uma pausa de</translation>
    </message>
    <message>
        <location filename="../export_options.py" line="127"/>
        <source>Highlight each word as it is spoken (karaoke)</source>
        <translation>Destacar cada palavra enquanto é falada (karaokê)</translation>
    </message>
    <message>
        <location filename="../export_options.py" line="130"/>
        <source>Needs word timestamps: turn them on in the settings and transcribe again</source>
        <translation>Requer tempos por palavra: ative-os nas configurações e transcreva de novo</translation>
    </message>
    <message>
        <location filename="../export_options.py" line="135"/>
        <source>Text file</source>
        <translation>Arquivo de texto</translation>
    </message>
    <message>
        <location filename="../export_options.py" line="138"/>
        <source>UTF-8</source>
        <translation>UTF-8</translation>
    </message>
    <message>
        <location filename="../export_options.py" line="139"/>
        <source>UTF-8 with byte-order mark (older players)</source>
        <translation>UTF-8 com marca de ordem de bytes (players mais antigos)</translation>
    </message>
    <message>
        <location filename="../export_options.py" line="140"/>
        <source>Encoding:</source>
        <translation>Codificação:</translation>
    </message>
    <message>
        <location filename="../export_options.py" line="142"/>
        <source>LF (Linux, macOS)</source>
        <translation>LF (Linux, macOS)</translation>
    </message>
    <message>
        <location filename="../export_options.py" line="143"/>
        <source>CRLF (Windows)</source>
        <translation>CRLF (Windows)</translation>
    </message>
    <message>
        <location filename="../export_options.py" line="144"/>
        <source>Line endings:</source>
        <translation>Fim de linha:</translation>
    </message>
    <message>
        <location filename="../export_options.py" line="148"/>
        <source>Where</source>
        <translation>Onde</translation>
    </message>
    <message>
        <location filename="../export_options.py" line="150"/>
        <source>Next to each source file</source>
        <translation>Junto a cada arquivo de origem</translation>
    </message>
    <message>
        <location filename="../export_options.py" line="151"/>
        <source>In this folder:</source>
        <translation>Nesta pasta:</translation>
    </message>
    <message>
        <location filename="../export_options.py" line="158"/>
        <source>Choose a folder</source>
        <translation>Escolha uma pasta</translation>
    </message>
    <message>
        <location filename="../export_options.py" line="159"/>
        <source>Choose…</source>
        <translation>Escolher…</translation>
    </message>
    <message>
        <location filename="../export_options.py" line="168"/>
        <source>{name}: the source file&apos;s name; {lang}: the language code; {ext}: the format&apos;s extension</source>
        <translation>{name}: o nome do arquivo de origem; {lang}: o código do idioma; {ext}: a extensão do formato</translation>
    </message>
    <message>
        <location filename="../export_options.py" line="170"/>
        <source>File name:</source>
        <translation>Nome do arquivo:</translation>
    </message>
    <message>
        <location filename="../export_options.py" line="173"/>
        <source>Ask me</source>
        <translation>Perguntar</translation>
    </message>
    <message>
        <location filename="../export_options.py" line="174"/>
        <source>Replace it</source>
        <translation>Substituir</translation>
    </message>
    <message>
        <location filename="../export_options.py" line="175"/>
        <source>Keep it, don&apos;t write</source>
        <translation>Manter o existente, não gravar</translation>
    </message>
    <message>
        <location filename="../export_options.py" line="176"/>
        <source>Add a number to the new name</source>
        <translation>Acrescentar um número ao novo nome</translation>
    </message>
    <message>
        <location filename="../export_options.py" line="179"/>
        <source>When a file exists:</source>
        <translation>Quando o arquivo já existir:</translation>
    </message>
    <message>
        <location filename="../export_options.py" line="231"/>
        <source>Tick at least one format.</source>
        <translation>Marque pelo menos um formato.</translation>
    </message>
    <message>
        <location filename="../export_options.py" line="251"/>
        <source>Choose the folder to export to.</source>
        <translation>Escolha a pasta de destino da exportação.</translation>
    </message>
    <message>
        <location filename="../export_options.py" line="257"/>
        <source>The file name may use {name}, {lang} and {ext}, and no folder separators; for example {name}.{lang}.{ext}.</source>
        <translation>O nome do arquivo pode usar {name}, {lang} e {ext}, sem separadores de pasta; por exemplo, {name}.{lang}.{ext}.</translation>
    </message>
    <message>
        <location filename="../export_options.py" line="267"/>
        <source>Export to folder</source>
        <translation>Exportar para a pasta</translation>
    </message>
</context>
<context>
    <name>ExportPreview</name>
    <message>
        <location filename="../export_preview.py" line="30"/>
        <source>Preview</source>
        <translation>Pré-visualização</translation>
    </message>
    <message>
        <location filename="../export_preview.py" line="33"/>
        <source>Format:</source>
        <translation>Formato:</translation>
    </message>
    <message>
        <location filename="../export_preview.py" line="77"/>
        <source>No preview: {0}</source>
        <translation>Sem pré-visualização: {0}</translation>
    </message>
</context>
<context>
    <name>FindReplaceBar</name>
    <message>
        <location filename="../find_replace_bar.py" line="23"/>
        <source>Search the transcript</source>
        <translation>Pesquisar na transcrição</translation>
    </message>
    <message>
        <location filename="../find_replace_bar.py" line="25"/>
        <source>Find</source>
        <translation>Localizar</translation>
    </message>
    <message>
        <location filename="../find_replace_bar.py" line="27"/>
        <location filename="../find_replace_bar.py" line="28"/>
        <source>Replace with</source>
        <translation>Substituir por</translation>
    </message>
    <message>
        <location filename="../find_replace_bar.py" line="29"/>
        <source>Match case</source>
        <translation>Diferenciar maiúsculas</translation>
    </message>
    <message>
        <location filename="../find_replace_bar.py" line="30"/>
        <source>Whole word</source>
        <translation>Palavra inteira</translation>
    </message>
    <message>
        <location filename="../find_replace_bar.py" line="32"/>
        <source>Next</source>
        <translation>Próximo</translation>
    </message>
    <message>
        <location filename="../find_replace_bar.py" line="33"/>
        <source>Replace</source>
        <translation>Substituir</translation>
    </message>
    <message>
        <location filename="../find_replace_bar.py" line="34"/>
        <source>Replace all</source>
        <translation>Substituir tudo</translation>
    </message>
    <message>
        <location filename="../find_replace_bar.py" line="35"/>
        <source>Replace:</source>
        <translation>Substituir:</translation>
    </message>
    <message>
        <location filename="../find_replace_bar.py" line="39"/>
        <source>Find:</source>
        <translation>Localizar:</translation>
    </message>
    <message numerus="yes">
        <location filename="../find_replace_bar.py" line="81"/>
        <location filename="../find_replace_bar.py" line="111"/>
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n resultado</numerusform>
            <numerusform>%n resultados</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../find_replace_bar.py" line="83"/>
        <location filename="../find_replace_bar.py" line="111"/>
        <source>No match</source>
        <translation>Nenhum resultado</translation>
    </message>
    <message>
        <location filename="../find_replace_bar.py" line="105"/>
        <location filename="../find_replace_bar.py" line="122"/>
        <source>Nothing to replace: no match.</source>
        <translation>Nada a substituir: nenhum resultado.</translation>
    </message>
    <message numerus="yes">
        <location filename="../find_replace_bar.py" line="121"/>
        <source>Replaced in %n segment(s). Ctrl+Z undoes it.</source>
        <translation>
            <numerusform>Substituído em %n segmento. Ctrl+Z desfaz.</numerusform>
            <numerusform>Substituído em %n segmentos. Ctrl+Z desfaz.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JobExecution</name>
    <message>
        <location filename="../../runner/execution.py" line="285"/>
        <source>Something unexpected went wrong ({0}). The job&apos;s log has the details.</source>
        <extracomment>Audio decoded ahead of the engine, beyond the jobs the I/O pool is working on.</extracomment>
        <translation>Algo inesperado deu errado ({0}). O registro do trabalho tem os detalhes.</translation>
    </message>
</context>
<context>
    <name>JobPanel</name>
    <message>
        <location filename="../job_panel.py" line="30"/>
        <source>Select a job to see its transcript.</source>
        <translation>Selecione um trabalho para ver a transcrição.</translation>
    </message>
    <message>
        <location filename="../job_panel.py" line="36"/>
        <source>Transcript</source>
        <translation>Transcrição</translation>
    </message>
    <message>
        <location filename="../job_panel.py" line="37"/>
        <source>Details</source>
        <translation>Detalhes</translation>
    </message>
</context>
<context>
    <name>JobQueue</name>
    <message>
        <location filename="../../runner/job_queue.py" line="211"/>
        <source>The history file was damaged; it was moved to {0} and a new one was started.</source>
        <translation>O arquivo de histórico estava danificado; ele foi movido para {0} e um novo foi criado.</translation>
    </message>
    <message>
        <location filename="../../runner/job_queue.py" line="271"/>
        <source>Daredevil can&apos;t save its history (is the disk full?). The queue keeps running, but changes may be lost when you quit.</source>
        <translation>O Daredevil não consegue salvar o histórico (o disco está cheio?). A fila continua funcionando, mas as alterações podem se perder quando você sair.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="78"/>
        <source>Drop audio or video files or folders here
or use File &gt; Add files (Ctrl+O)</source>
        <translation>Solte aqui arquivos ou pastas de áudio ou vídeo
ou use Arquivo &gt; Adicionar arquivos (Ctrl+O)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="142"/>
        <source>&amp;Add files…</source>
        <translation>&amp;Adicionar arquivos…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="143"/>
        <source>Add &amp;folder…</source>
        <translation>Adicionar &amp;pasta…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="144"/>
        <source>&amp;Export…</source>
        <translation>&amp;Exportar…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="145"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Configurações…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="146"/>
        <source>&amp;Quit</source>
        <translation>&amp;Sair</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="147"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancelar</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="148"/>
        <source>&amp;Retry</source>
        <translation>&amp;Tentar de novo</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="149"/>
        <source>Re&amp;move</source>
        <translation>Re&amp;mover</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="150"/>
        <source>&amp;Edit transcript</source>
        <translation>&amp;Editar transcrição</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="151"/>
        <source>&amp;Open in text editor</source>
        <translation>Abrir no editor de &amp;texto</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="152"/>
        <source>Show in &amp;folder</source>
        <translation>Mostrar na &amp;pasta</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="153"/>
        <source>Cop&amp;y text</source>
        <translation>Co&amp;piar texto</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="154"/>
        <source>&amp;Details</source>
        <translation>&amp;Detalhes</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="155"/>
        <location filename="../main_window.py" line="350"/>
        <source>&amp;Pause queue</source>
        <translation>&amp;Pausar fila</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="156"/>
        <source>Cancel &amp;all</source>
        <translation>Cancelar &amp;todos</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="157"/>
        <source>C&amp;lear finished</source>
        <translation>&amp;Limpar concluídos</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="160"/>
        <source>&amp;File</source>
        <translation>&amp;Arquivo</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="164"/>
        <source>&amp;Job</source>
        <translation>&amp;Trabalho</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="166"/>
        <source>&amp;Queue</source>
        <translation>&amp;Fila</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="169"/>
        <source>Actions</source>
        <translation>Ações</translation>
    </message>
    <message numerus="yes">
        <location filename="../main_window.py" line="208"/>
        <source>Queued %n file(s).</source>
        <translation>
            <numerusform>%n arquivo na fila.</numerusform>
            <numerusform>%n arquivos na fila.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../main_window.py" line="212"/>
        <source>Add files</source>
        <translation>Adicionar arquivos</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="212"/>
        <source>Audio and video (*.*)</source>
        <translation>Áudio e vídeo (*.*)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="218"/>
        <source>Add folder</source>
        <translation>Adicionar pasta</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="276"/>
        <source>Copied the transcript text.</source>
        <translation>Texto da transcrição copiado.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="325"/>
        <source>{0}% · {1} of {2} done — {3}</source>
        <translation>{0}% · {1} de {2} concluídos — {3}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="334"/>
        <source>Transcription finished</source>
        <translation>Transcrição concluída</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="335"/>
        <source>{0} of {1} files transcribed.</source>
        <translation>{0} de {1} arquivos transcritos.</translation>
    </message>
    <message numerus="yes">
        <location filename="../main_window.py" line="337"/>
        <source>%n failed.</source>
        <translation>
            <numerusform>%n falhou.</numerusform>
            <numerusform>%n falharam.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../main_window.py" line="344"/>
        <source>Queued %n file(s) from the folder.</source>
        <translation>
            <numerusform>%n arquivo da pasta na fila.</numerusform>
            <numerusform>%n arquivos da pasta na fila.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../main_window.py" line="346"/>
        <source>Skipped %n file(s) that are not audio or video.</source>
        <translation>
            <numerusform>%n arquivo ignorado por não ser áudio nem vídeo.</numerusform>
            <numerusform>%n arquivos ignorados por não serem áudio nem vídeo.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../main_window.py" line="350"/>
        <source>&amp;Resume queue</source>
        <translation>&amp;Retomar fila</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="368"/>
        <source>Quit Daredevil?</source>
        <translation>Sair do Daredevil?</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="369"/>
        <source>Files are still being transcribed. Quit anyway? Unfinished files will continue the next time you open Daredevil.</source>
        <translation>Ainda há arquivos sendo transcritos. Sair mesmo assim? Os arquivos não concluídos continuarão na próxima vez que você abrir o Daredevil.</translation>
    </message>
</context>
<context>
    <name>ModelsPage</name>
    <message>
        <location filename="../models_page.py" line="41"/>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <location filename="../models_page.py" line="41"/>
        <source>Size</source>
        <translation>Tamanho</translation>
    </message>
    <message>
        <location filename="../models_page.py" line="41"/>
        <source>Languages</source>
        <translation>Idiomas</translation>
    </message>
    <message>
        <location filename="../models_page.py" line="41"/>
        <source>Source</source>
        <translation>Origem</translation>
    </message>
    <message>
        <location filename="../models_page.py" line="41"/>
        <source>Forms</source>
        <translation>Formas</translation>
    </message>
    <message>
        <location filename="../models_page.py" line="53"/>
        <source>Import file…</source>
        <translation>Importar arquivo…</translation>
    </message>
    <message>
        <location filename="../models_page.py" line="58"/>
        <source>Import folder…</source>
        <translation>Importar pasta…</translation>
    </message>
    <message>
        <location filename="../models_page.py" line="55"/>
        <source>Install an openai-whisper checkpoint (.pt); a CTranslate2 copy is made for the faster engine</source>
        <translation>Instalar um checkpoint do openai-whisper (.pt); uma cópia em CTranslate2 é feita para o mecanismo mais rápido</translation>
    </message>
    <message>
        <location filename="../models_page.py" line="59"/>
        <source>Install a faster-whisper (CTranslate2) model folder as it is</source>
        <translation>Instalar uma pasta de modelo do faster-whisper (CTranslate2) como está</translation>
    </message>
    <message>
        <location filename="../models_page.py" line="61"/>
        <source>Delete…</source>
        <translation>Excluir…</translation>
    </message>
    <message>
        <location filename="../models_page.py" line="70"/>
        <source>Download</source>
        <translation>Baixar</translation>
    </message>
    <message>
        <location filename="../models_page.py" line="72"/>
        <source>Cancel download</source>
        <translation>Cancelar download</translation>
    </message>
    <message>
        <location filename="../models_page.py" line="81"/>
        <source>Download a Whisper model</source>
        <translation>Baixar um modelo do Whisper</translation>
    </message>
    <message>
        <location filename="../models_page.py" line="91"/>
        <source>Installed models</source>
        <translation>Modelos instalados</translation>
    </message>
    <message>
        <location filename="../models_page.py" line="111"/>
        <source>Multilingual</source>
        <translation>Multilíngue</translation>
    </message>
    <message>
        <location filename="../models_page.py" line="111"/>
        <location filename="../models_page.py" line="125"/>
        <source>English only</source>
        <translation>Só inglês</translation>
    </message>
    <message>
        <location filename="../models_page.py" line="125"/>
        <source>multilingual</source>
        <translation>multilíngue</translation>
    </message>
    <message>
        <location filename="../models_page.py" line="127"/>
        <source>{0} (about {1} MB, {2})</source>
        <translation>{0} (cerca de {1} MB, {2})</translation>
    </message>
    <message>
        <location filename="../models_page.py" line="135"/>
        <source>CTranslate2 (faster-whisper)</source>
        <translation>CTranslate2 (faster-whisper)</translation>
    </message>
    <message>
        <location filename="../models_page.py" line="136"/>
        <source>openai-whisper (.pt)</source>
        <translation>openai-whisper (.pt)</translation>
    </message>
    <message>
        <location filename="../models_page.py" line="173"/>
        <source>Downloading {0}…</source>
        <translation>Baixando {0}…</translation>
    </message>
    <message>
        <location filename="../models_page.py" line="178"/>
        <source>Import a Whisper model file</source>
        <translation>Importar um arquivo de modelo do Whisper</translation>
    </message>
    <message>
        <location filename="../models_page.py" line="178"/>
        <source>Whisper checkpoints (*.pt)</source>
        <translation>Checkpoints do Whisper (*.pt)</translation>
    </message>
    <message>
        <location filename="../models_page.py" line="184"/>
        <source>Import a faster-whisper model folder</source>
        <translation>Importar uma pasta de modelo do faster-whisper</translation>
    </message>
    <message>
        <location filename="../models_page.py" line="191"/>
        <source>Importing {0}…</source>
        <translation>Importando {0}…</translation>
    </message>
    <message>
        <location filename="../models_page.py" line="200"/>
        <source>Delete model</source>
        <translation>Excluir modelo</translation>
    </message>
    <message>
        <location filename="../models_page.py" line="201"/>
        <source>Delete the model &quot;{0}&quot;? Its file is removed from this computer.</source>
        <translation>Excluir o modelo &quot;{0}&quot;? O arquivo dele será removido deste computador.</translation>
    </message>
    <message>
        <location filename="../models_page.py" line="208"/>
        <source>Could not delete {0}: {1}</source>
        <translation>Não foi possível excluir {0}: {1}</translation>
    </message>
    <message>
        <location filename="../models_page.py" line="210"/>
        <source>Deleted {0}.</source>
        <translation>{0} foi excluído.</translation>
    </message>
    <message>
        <location filename="../models_page.py" line="218"/>
        <source>{0} of {1} (%p%)</source>
        <translation>{0} de {1} (%p%)</translation>
    </message>
    <message>
        <location filename="../models_page.py" line="225"/>
        <source>{0} was downloaded and installed.</source>
        <translation>{0} foi baixado e instalado.</translation>
    </message>
    <message>
        <location filename="../models_page.py" line="227"/>
        <source>{0} was imported.</source>
        <translation>{0} foi importado.</translation>
    </message>
    <message>
        <location filename="../models_page.py" line="233"/>
        <source>The download failed: {0}</source>
        <translation>O download falhou: {0}</translation>
    </message>
    <message>
        <location filename="../models_page.py" line="235"/>
        <source>The import failed: {0}</source>
        <translation>A importação falhou: {0}</translation>
    </message>
    <message>
        <location filename="../models_page.py" line="240"/>
        <source>Download cancelled. It resumes where it stopped if you start it again.</source>
        <translation>Download cancelado. Ele continua de onde parou se você iniciá-lo de novo.</translation>
    </message>
</context>
<context>
    <name>QueueController</name>
    <message>
        <location filename="../app.py" line="75"/>
        <source>A setting was not used: {0}</source>
        <translation>Uma configuração não foi usada: {0}</translation>
    </message>
    <message>
        <location filename="../app.py" line="79"/>
        <source>Other launches of Daredevil can&apos;t hand their files to this window; open them from here.</source>
        <translation>Outras instâncias do Daredevil não conseguem passar os arquivos para esta janela; abra-os por aqui.</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../queue_model.py" line="42"/>
        <source>Queued</source>
        <translation>Na fila</translation>
    </message>
    <message>
        <location filename="../queue_model.py" line="47"/>
        <source>Checking</source>
        <translation>Verificando</translation>
    </message>
    <message>
        <location filename="../queue_model.py" line="48"/>
        <source>Extracting</source>
        <translation>Extraindo</translation>
    </message>
    <message>
        <location filename="../queue_model.py" line="49"/>
        <source>Transcribing</source>
        <translation>Transcrevendo</translation>
    </message>
    <message>
        <location filename="../queue_model.py" line="50"/>
        <source>Identifying speakers</source>
        <translation>Identificando falantes</translation>
    </message>
    <message>
        <location filename="../queue_model.py" line="51"/>
        <source>Done</source>
        <translation>Concluído</translation>
    </message>
    <message>
        <location filename="../queue_model.py" line="52"/>
        <source>Done (cached)</source>
        <translation>Concluído (cache)</translation>
    </message>
    <message>
        <location filename="../queue_model.py" line="53"/>
        <source>Failed</source>
        <translation>Falhou</translation>
    </message>
    <message>
        <location filename="../queue_model.py" line="54"/>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <location filename="../queue_model.py" line="83"/>
        <source>File</source>
        <translation>Arquivo</translation>
    </message>
    <message>
        <location filename="../queue_model.py" line="84"/>
        <source>Duration</source>
        <translation>Duração</translation>
    </message>
    <message>
        <location filename="../queue_model.py" line="85"/>
        <source>Size</source>
        <translation>Tamanho</translation>
    </message>
    <message>
        <location filename="../queue_model.py" line="86"/>
        <source>Status</source>
        <translation>Situação</translation>
    </message>
    <message>
        <location filename="../queue_model.py" line="87"/>
        <source>Progress</source>
        <translation>Progresso</translation>
    </message>
    <message>
        <location filename="../queue_model.py" line="88"/>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <location filename="../queue_model.py" line="89"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../queue_model.py" line="146"/>
        <source>Waiting for the server</source>
        <translation>Aguardando o servidor</translation>
    </message>
    <message>
        <location filename="../queue_model.py" line="153"/>
        <source>auto</source>
        <translation>automático</translation>
    </message>
    <message>
        <location filename="../queue_model.py" line="236"/>
        <source>{0} left</source>
        <translation>faltam {0}</translation>
    </message>
</context>
<context>
    <name>QueueStatusBar</name>
    <message>
        <location filename="../status_bar.py" line="27"/>
        <source>Device: {0} · Model: {1} (not loaded yet)</source>
        <translation>Dispositivo: {0} · Modelo: {1} (ainda não carregado)</translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="28"/>
        <source>starter</source>
        <translation>inicial</translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="39"/>
        <source>{0}% of the queue</source>
        <translation>{0}% da fila</translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="48"/>
        <source>GPU memory {0:.1f} GB used, {1:.1f} GB free</source>
        <translation>Memória da GPU: {0:.1f} GB em uso, {1:.1f} GB livres</translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="52"/>
        <source>Model: {0}</source>
        <translation>Modelo: {0}</translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="52"/>
        <source>none loaded</source>
        <translation>nenhum carregado</translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="54"/>
        <source>Engine: {0} ({1})</source>
        <translation>Motor: {0} ({1})</translation>
    </message>
</context>
<context>
    <name>SegmentTableModel</name>
    <message>
        <location filename="../segment_table_model.py" line="153"/>
        <source>Start</source>
        <extracomment>(start, length) of each search hit in a row&apos;s text. (start, length) of each uncertain word in a row&apos;s text. (start, length) of the word being played, or None. A colour per speaker, in the order speakers are listed (pale, so dark text stays readable).</extracomment>
        <translation>Início</translation>
    </message>
    <message>
        <location filename="../segment_table_model.py" line="153"/>
        <source>End</source>
        <translation>Fim</translation>
    </message>
    <message>
        <location filename="../segment_table_model.py" line="153"/>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <location filename="../segment_table_model.py" line="153"/>
        <source>Speaker</source>
        <translation>Falante</translation>
    </message>
    <message>
        <location filename="../segment_table_model.py" line="181"/>
        <source>Edit text of segment {0}</source>
        <translation>Editar o texto do segmento {0}</translation>
    </message>
    <message>
        <location filename="../segment_table_model.py" line="188"/>
        <source>Merge segments {0} and {1}</source>
        <translation>Juntar os segmentos {0} e {1}</translation>
    </message>
    <message>
        <location filename="../segment_table_model.py" line="198"/>
        <source>Split segment {0}</source>
        <translation>Dividir o segmento {0}</translation>
    </message>
    <message>
        <location filename="../segment_table_model.py" line="211"/>
        <source>Shift all times by {0:+.3f} s</source>
        <translation>Deslocar todos os tempos em {0:+.3f} s</translation>
    </message>
    <message>
        <location filename="../segment_table_model.py" line="219"/>
        <source>Change times of segment {0}</source>
        <translation>Alterar os tempos do segmento {0}</translation>
    </message>
    <message>
        <location filename="../segment_table_model.py" line="228"/>
        <source>Replace in segment {0}</source>
        <translation>Substituir no segmento {0}</translation>
    </message>
    <message numerus="yes">
        <location filename="../segment_table_model.py" line="240"/>
        <source>Replace all: %n segment(s)</source>
        <translation>
            <numerusform>Substituir tudo: %n segmento</numerusform>
            <numerusform>Substituir tudo: %n segmentos</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../segment_table_model.py" line="248"/>
        <source>Revert to original</source>
        <translation>Reverter ao original</translation>
    </message>
    <message>
        <location filename="../segment_table_model.py" line="268"/>
        <source>Rename {0} to {1}</source>
        <translation>Renomear {0} para {1}</translation>
    </message>
    <message>
        <location filename="../segment_table_model.py" line="280"/>
        <source>Merge {0} into {1}</source>
        <translation>Juntar {0} a {1}</translation>
    </message>
    <message>
        <location filename="../segment_table_model.py" line="292"/>
        <source>Set the speaker of segment {0}</source>
        <translation>Definir o falante do segmento {0}</translation>
    </message>
</context>
<context>
    <name>ServerBox</name>
    <message>
        <location filename="../server_box.py" line="19"/>
        <source>Where to transcribe</source>
        <translation>Onde transcrever</translation>
    </message>
    <message>
        <location filename="../server_box.py" line="20"/>
        <source>This computer</source>
        <translation>Este computador</translation>
    </message>
    <message>
        <location filename="../server_box.py" line="21"/>
        <source>A server</source>
        <translation>Um servidor</translation>
    </message>
    <message>
        <location filename="../server_box.py" line="27"/>
        <source>The broker of a `daredevil server`: redis://, or rediss:// for TLS</source>
        <translation>O broker de um `daredevil server`: redis://, ou rediss:// para TLS</translation>
    </message>
    <message>
        <location filename="../server_box.py" line="33"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../server_box.py" line="34"/>
        <source>never (wait for the server)</source>
        <translation>nunca (esperar pelo servidor)</translation>
    </message>
    <message>
        <location filename="../server_box.py" line="35"/>
        <source>When the server can&apos;t be reached for this long, transcribe here</source>
        <translation>Quando o servidor ficar inacessível por este tempo, transcrever aqui</translation>
    </message>
    <message>
        <location filename="../server_box.py" line="36"/>
        <source>Test</source>
        <translation>Testar</translation>
    </message>
    <message>
        <location filename="../server_box.py" line="48"/>
        <source>Server address:</source>
        <translation>Endereço do servidor:</translation>
    </message>
    <message>
        <location filename="../server_box.py" line="49"/>
        <source>Password:</source>
        <translation>Senha:</translation>
    </message>
    <message>
        <location filename="../server_box.py" line="50"/>
        <source>Use this computer after:</source>
        <translation>Usar este computador após:</translation>
    </message>
    <message>
        <location filename="../server_box.py" line="52"/>
        <source>Checks and audio extraction stay here; the server gets compressed audio. The speaker step runs on this computer.</source>
        <translation>As verificações e a extração do áudio ficam aqui; o servidor recebe o áudio comprimido. A etapa de falantes roda neste computador.</translation>
    </message>
    <message>
        <location filename="../server_box.py" line="83"/>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <location filename="../server_box.py" line="90"/>
        <source>The test failed: {0}</source>
        <translation>O teste falhou: {0}</translation>
    </message>
    <message>
        <location filename="../server_box.py" line="94"/>
        <source>The server&apos;s broker answers. Jobs will go there.</source>
        <translation>O broker do servidor responde. Os trabalhos irão para lá.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../settings_dialog.py" line="90"/>
        <source>Settings</source>
        <translation>Configurações</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="96"/>
        <source>Transcription</source>
        <translation>Transcrição</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="98"/>
        <source>Engine</source>
        <translation>Motor</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="99"/>
        <source>Limits</source>
        <translation>Limites</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="100"/>
        <source>Performance</source>
        <translation>Desempenho</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="101"/>
        <source>Interface</source>
        <translation>Interface</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="103"/>
        <source>Models</source>
        <translation>Modelos</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="133"/>
        <source>Automatic (a GPU when there is one)</source>
        <translation>Automático (uma GPU quando houver)</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="134"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="136"/>
        <source>Detect automatically</source>
        <translation>Detectar automaticamente</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="140"/>
        <source>Transcribe (keep the spoken language)</source>
        <translation>Transcrever (manter o idioma falado)</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="141"/>
        <source>Translate to English</source>
        <translation>Traduzir para o inglês</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="142"/>
        <source>Word timestamps (for karaoke subtitles and the editor&apos;s uncertain-word marks; slower)</source>
        <translation>Tempos por palavra (para legendas karaokê e as marcas de palavras incertas do editor; mais lento)</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="146"/>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="147"/>
        <source>The editor marks words Whisper was less sure of than this (F8 goes to the next one)</source>
        <translation>O editor marca as palavras em que o Whisper teve menos certeza do que isto (F8 vai para a próxima)</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="150"/>
        <source>Off</source>
        <translation>Desligado</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="151"/>
        <source>Automatic (count them)</source>
        <translation>Automático (contar os falantes)</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="152"/>
        <source>1 speaker</source>
        <translation>1 falante</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="154"/>
        <source>{0} speakers</source>
        <translation>{0} falantes</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="155"/>
        <source>Label who speaks each word (turns word timestamps on; takes a little longer)</source>
        <translation>Identificar quem fala cada palavra (ativa os tempos por palavra; demora um pouco mais)</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="158"/>
        <source>Names, spellings or a style for Whisper to follow</source>
        <translation>Nomes, grafias ou um estilo para o Whisper seguir</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="162"/>
        <source>Model:</source>
        <translation>Modelo:</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="163"/>
        <source>Device:</source>
        <translation>Dispositivo:</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="164"/>
        <source>Language:</source>
        <translation>Idioma:</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="165"/>
        <source>Task:</source>
        <translation>Tarefa:</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="167"/>
        <source>Mark words less sure than:</source>
        <translation>Marcar palavras com certeza abaixo de:</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="168"/>
        <source>Identify speakers:</source>
        <translation>Identificar falantes:</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="169"/>
        <source>Initial prompt:</source>
        <translation>Prompt inicial:</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="173"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="174"/>
        <location filename="../settings_dialog.py" line="211"/>
        <source> GB</source>
        <translation> GB</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="180"/>
        <source> × the audio length</source>
        <translation> × a duração do áudio</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="186"/>
        <source>Largest file:</source>
        <translation>Maior arquivo:</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="187"/>
        <source>Time to read a file&apos;s format:</source>
        <translation>Tempo para ler o formato do arquivo:</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="188"/>
        <source>Audio extraction time limit (grows with the file&apos;s size):</source>
        <translation>Tempo limite da extração de áudio (cresce com o tamanho do arquivo):</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="189"/>
        <location filename="../settings_dialog.py" line="193"/>
        <source>At least:</source>
        <translation>No mínimo:</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="190"/>
        <source>Per MB of file:</source>
        <translation>Por MB de arquivo:</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="191"/>
        <source>At most:</source>
        <translation>No máximo:</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="192"/>
        <source>Transcription time limit (the larger of the two):</source>
        <translation>Tempo limite da transcrição (o maior dos dois):</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="194"/>
        <source>Or:</source>
        <translation>Ou:</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="195"/>
        <source>Grace before the engine is stopped:</source>
        <translation>Tolerância antes de parar o motor:</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="196"/>
        <source>Automatic retries:</source>
        <translation>Novas tentativas automáticas:</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="197"/>
        <source>Wait before a retry:</source>
        <translation>Espera antes de tentar de novo:</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="202"/>
        <source>How many files are checked and decoded at once</source>
        <translation>Quantos arquivos são verificados e decodificados ao mesmo tempo</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="203"/>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="205"/>
        <location filename="../settings_dialog.py" line="378"/>
        <source>Clear cache</source>
        <translation>Limpar cache</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="210"/>
        <source> jobs</source>
        <translation> tarefas</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="214"/>
        <source>Files prepared at once:</source>
        <translation>Arquivos preparados ao mesmo tempo:</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="215"/>
        <source>Result cache size:</source>
        <translation>Tamanho do cache de resultados:</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="216"/>
        <source>In the cache now:</source>
        <translation>No cache agora:</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="217"/>
        <source>Restart the engine after:</source>
        <translation>Reiniciar o motor após:</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="218"/>
        <source>Or when it uses more than:</source>
        <translation>Ou quando ele usar mais de:</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="223"/>
        <source>Follow the system</source>
        <translation>Seguir o sistema</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="226"/>
        <source>A new language shows the next time Daredevil starts.</source>
        <translation>O novo idioma aparece na próxima vez que o Daredevil iniciar.</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="229"/>
        <source>Interface language:</source>
        <translation>Idioma da interface:</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="267"/>
        <source>Starter model ({0})</source>
        <translation>Modelo inicial ({0})</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="275"/>
        <source>{0} (to download, about {1} MB)</source>
        <translation>{0} (para baixar, cerca de {1} MB)</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="281"/>
        <source>{0} (not installed)</source>
        <translation>{0} (não instalado)</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="287"/>
        <source>GPU {0}: {1}</source>
        <translation>GPU {0}: {1}</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="296"/>
        <source>The model &quot;{0}&quot; is not installed yet. Download it on the Models page, or choose another.</source>
        <translation>O modelo &quot;{0}&quot; ainda não está instalado. Baixe-o na página Modelos ou escolha outro.</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="302"/>
        <source>The shortest audio extraction time limit ({0} s) is longer than the longest ({1} s).</source>
        <translation>O menor tempo limite da extração de áudio ({0} s) é maior que o maior ({1} s).</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="308"/>
        <source>English-only models cannot translate. Choose a multilingual model.</source>
        <translation>Modelos só de inglês não traduzem. Escolha um modelo multilíngue.</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="353"/>
        <source>The settings could not be saved: {0}</source>
        <translation>Não foi possível salvar as configurações: {0}</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="379"/>
        <source>Forget every cached transcript? Files transcribed before will be transcribed again.</source>
        <translation>Esquecer todas as transcrições em cache? Arquivos já transcritos serão transcritos de novo.</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="394"/>
        <source>Could not clear the cache: {0}</source>
        <translation>Não foi possível limpar o cache: {0}</translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <location filename="../../runner/single_instance.py" line="71"/>
        <source>Daredevil can&apos;t create its lock file in {0} ({1}). Check that the folder is writable, then start Daredevil again.</source>
        <translation>O Daredevil não consegue criar o arquivo de trava em {0} ({1}). Verifique se a pasta permite gravação e abra o Daredevil de novo.</translation>
    </message>
</context>
<context>
    <name>SpeakerWords</name>
    <message>
        <location filename="../../runner/speaker_words.py" line="19"/>
        <source>Speaker {0}</source>
        <translation>Falante {0}</translation>
    </message>
    <message>
        <location filename="../../runner/speaker_words.py" line="32"/>
        <source>Speakers were not identified: the file has only {0} s of speech, and telling voices apart needs at least {1} s.</source>
        <translation>Os falantes não foram identificados: o arquivo tem só {0} s de fala, e distinguir vozes exige pelo menos {1} s.</translation>
    </message>
    <message>
        <location filename="../../runner/speaker_words.py" line="38"/>
        <source>No words to label with speakers.</source>
        <translation>Não há palavras para marcar com falantes.</translation>
    </message>
    <message>
        <location filename="../../runner/speaker_words.py" line="40"/>
        <source>One speaker found.</source>
        <translation>Um falante encontrado.</translation>
    </message>
    <message>
        <location filename="../../runner/speaker_words.py" line="41"/>
        <source>{0} speakers found.</source>
        <translation>{0} falantes encontrados.</translation>
    </message>
</context>
<context>
    <name>TranscriptEditor</name>
    <message>
        <location filename="../transcript_editor.py" line="61"/>
        <location filename="../transcript_editor.py" line="222"/>
        <source>Transcript — {0}</source>
        <translation>Transcrição — {0}</translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="85"/>
        <source>Double-click a text to correct it; Ctrl+Z undoes. Edits save themselves.</source>
        <translation>Clique duas vezes em um texto para corrigi-lo; Ctrl+Z desfaz. As edições são salvas sozinhas.</translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="89"/>
        <source>Cannot play the source: {0}</source>
        <translation>Não é possível reproduzir a origem: {0}</translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="98"/>
        <source>Locate file…</source>
        <translation>Localizar arquivo…</translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="128"/>
        <source>This job has no word timings: turn on Settings &gt; Transcription &gt; Word timestamps to mark uncertain words and follow each word as it plays.</source>
        <translation>Este trabalho não tem tempos por palavra: ative Configurações &gt; Transcrição &gt; Tempos por palavra para marcar palavras incertas e acompanhar cada palavra durante a reprodução.</translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="160"/>
        <source>Undo</source>
        <translation>Desfazer</translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="162"/>
        <source>Redo</source>
        <translation>Refazer</translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="168"/>
        <source>Save now</source>
        <translation>Salvar agora</translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="169"/>
        <source>Edits also save themselves a second after you make them</source>
        <translation>As edições também são salvas sozinhas um segundo depois de feitas</translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="172"/>
        <source>Revert to original</source>
        <translation>Reverter ao original</translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="173"/>
        <source>Bring back the text the engine wrote (undoable)</source>
        <translation>Trazer de volta o texto que o motor escreveu (pode ser desfeito)</translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="174"/>
        <source>Close</source>
        <translation>Fechar</translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="175"/>
        <source>Find…</source>
        <translation>Localizar…</translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="176"/>
        <source>Replace…</source>
        <translation>Substituir…</translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="177"/>
        <source>Find next</source>
        <translation>Localizar próximo</translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="178"/>
        <source>Merge with next</source>
        <translation>Juntar com o próximo</translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="179"/>
        <source>Join the selected segment and the one after it</source>
        <translation>Juntar o segmento selecionado com o seguinte</translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="180"/>
        <source>Split at cursor</source>
        <translation>Dividir no cursor</translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="181"/>
        <source>While editing a text, cut the segment where the cursor is</source>
        <translation>Ao editar um texto, dividir o segmento onde está o cursor</translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="182"/>
        <source>Set start to playhead</source>
        <translation>Início na posição da reprodução</translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="183"/>
        <source>Set end to playhead</source>
        <translation>Fim na posição da reprodução</translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="184"/>
        <source>Start 0.1 s earlier</source>
        <translation>Início 0,1 s antes</translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="185"/>
        <source>Start 0.1 s later</source>
        <translation>Início 0,1 s depois</translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="186"/>
        <source>End 0.1 s earlier</source>
        <translation>Fim 0,1 s antes</translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="187"/>
        <source>End 0.1 s later</source>
        <translation>Fim 0,1 s depois</translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="188"/>
        <source>Shift all times</source>
        <translation>Deslocar todos os tempos</translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="190"/>
        <source>Next uncertain word</source>
        <translation>Próxima palavra incerta</translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="191"/>
        <source>Previous uncertain word</source>
        <translation>Palavra incerta anterior</translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="192"/>
        <source>Rename speaker…</source>
        <translation>Renomear falante…</translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="193"/>
        <source>Rename the selected segment&apos;s speaker in every segment</source>
        <translation>Renomear o falante do segmento selecionado em todos os segmentos</translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="194"/>
        <source>Merge speaker into…</source>
        <translation>Juntar falante a…</translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="195"/>
        <source>Give the selected segment&apos;s speaker&apos;s segments to another speaker</source>
        <translation>Passar os segmentos do falante do segmento selecionado para outro falante</translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="196"/>
        <source>Show video</source>
        <translation>Mostrar vídeo</translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="239"/>
        <source>The source file {0} is missing or was moved. Editing goes on without sound; locate the file to hear it.</source>
        <translation>O arquivo de origem {0} não existe ou foi movido. A edição continua sem som; localize o arquivo para ouvi-lo.</translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="243"/>
        <source>Playback needs Qt Multimedia (PySide6-Addons).</source>
        <translation>A reprodução precisa do Qt Multimedia (PySide6-Addons).</translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="249"/>
        <source>Locate {0}</source>
        <translation>Localizar {0}</translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="328"/>
        <source>Not saved: {0}</source>
        <translation>Não salvo: {0}</translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="334"/>
        <source>Saved. Exports use the edited text; the original result is kept. Ctrl+E exports.</source>
        <translation>Salvo. As exportações usam o texto editado; o resultado original é mantido. Ctrl+E exporta.</translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="352"/>
        <source>Edits not saved</source>
        <translation>Edições não salvas</translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="353"/>
        <source>Your edits could not be saved. Close anyway and lose them?</source>
        <translation>Não foi possível salvar suas edições. Fechar mesmo assim e perdê-las?</translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="189"/>
        <source>Move every start and end time by the offset</source>
        <translation>Mover todos os tempos de início e fim pelo deslocamento</translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="170"/>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="171"/>
        <source>Write subtitles or text from the edited transcript</source>
        <translation>Gerar legendas ou texto a partir da transcrição editada</translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="288"/>
        <source>Select a segment that has another one after it.</source>
        <translation>Selecione um segmento que tenha outro depois dele.</translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="297"/>
        <source>Double-click a text and put the cursor where it should be split.</source>
        <translation>Clique duas vezes em um texto e coloque o cursor onde ele deve ser dividido.</translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="303"/>
        <source>Put the cursor between two words to split there.</source>
        <translation>Coloque o cursor entre duas palavras para dividir ali.</translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="312"/>
        <source>Shifted by {0:+.3f} s: no time can go before the start.</source>
        <translation>Deslocado em {0:+.3f} s: nenhum tempo pode ficar antes do início.</translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="314"/>
        <source>Shifted every time by {0:+.3f} s.</source>
        <translation>Todos os tempos foram deslocados em {0:+.3f} s.</translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="330"/>
        <source>Not saved</source>
        <translation>Não salvo</translation>
    </message>
    <message>
        <location filename="../transcript_editor.py" line="331"/>
        <source>The edited transcript could not be saved: {0}</source>
        <translation>Não foi possível salvar a transcrição editada: {0}</translation>
    </message>
    <message>
        <location filename="../editor_review.py" line="54"/>
        <location filename="../editor_review.py" line="72"/>
        <source>Select a segment first.</source>
        <translation>Selecione um segmento primeiro.</translation>
    </message>
    <message>
        <location filename="../editor_review.py" line="59"/>
        <source>Not changed: {0}</source>
        <translation>Não alterado: {0}</translation>
    </message>
    <message>
        <location filename="../editor_review.py" line="80"/>
        <source>No uncertain words (none below {0:.0%}, or the job has no word timings).</source>
        <translation>Nenhuma palavra incerta (nenhuma abaixo de {0:.0%}, ou o trabalho não tem tempos por palavra).</translation>
    </message>
    <message>
        <location filename="../editor_review.py" line="95"/>
        <source>Uncertain: “{0}” ({1:.0%} sure). F8 goes to the next one.</source>
        <translation>Incerta: “{0}” ({1:.0%} de certeza). F8 vai para a próxima.</translation>
    </message>
    <message>
        <location filename="../editor_review.py" line="106"/>
        <source>This is already the engine&apos;s original text.</source>
        <translation>Este já é o texto original do motor.</translation>
    </message>
    <message>
        <location filename="../editor_review.py" line="108"/>
        <source>Back to the engine&apos;s original text. Ctrl+Z brings your edits back.</source>
        <translation>De volta ao texto original do motor. Ctrl+Z traz suas edições de volta.</translation>
    </message>
    <message>
        <location filename="../editor_speakers.py" line="20"/>
        <source>(nobody)</source>
        <translation>(ninguém)</translation>
    </message>
    <message>
        <location filename="../editor_speakers.py" line="50"/>
        <source>Select a segment that has a speaker.</source>
        <translation>Selecione um segmento que tenha um falante.</translation>
    </message>
    <message>
        <location filename="../editor_speakers.py" line="61"/>
        <source>Rename speaker</source>
        <translation>Renomear falante</translation>
    </message>
    <message>
        <location filename="../editor_speakers.py" line="62"/>
        <source>New name for {0}:</source>
        <translation>Novo nome para {0}:</translation>
    </message>
    <message>
        <location filename="../editor_speakers.py" line="69"/>
        <source>Not renamed: {0}</source>
        <translation>Não renomeado: {0}</translation>
    </message>
    <message>
        <location filename="../editor_speakers.py" line="79"/>
        <source>There is no other speaker to merge with.</source>
        <translation>Não há outro falante com quem juntar.</translation>
    </message>
    <message>
        <location filename="../editor_speakers.py" line="83"/>
        <source>Merge speakers</source>
        <translation>Juntar falantes</translation>
    </message>
    <message>
        <location filename="../editor_speakers.py" line="84"/>
        <source>Merge {0} into:</source>
        <translation>Juntar {0} a:</translation>
    </message>
</context>
<context>
    <name>VideoPane</name>
    <message>
        <location filename="../video_pane.py" line="24"/>
        <source>Video</source>
        <translation>Vídeo</translation>
    </message>
</context>
</TS>
