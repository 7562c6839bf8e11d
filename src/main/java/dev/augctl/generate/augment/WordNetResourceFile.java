package dev.augctl.generate.augment;

import java.util.Map;
import net.sf.extjwnl.JWNLException;
import net.sf.extjwnl.data.POS;
import net.sf.extjwnl.dictionary.Dictionary;
import net.sf.extjwnl.dictionary.file.DictionaryFileType;
import net.sf.extjwnl.princeton.file.PrincetonResourceDictionaryFile;
import net.sf.extjwnl.util.factory.Param;

/**
 * extjwnl's class-path dictionary file, except that the two files augctl never reads are not loaded:
 * {@code cntlist} (use counts by count; extjwnl reads them from {@code cntlist.rev}) and
 * {@code index.sense} (sense keys), 8 MB that extjwnl would otherwise inflate into memory when the
 * dictionary opens; augctl's copy of WordNet ({@link WordNetCompactor}) leaves them out. Reading one
 * of them would fail (extjwnl then finds no buffer) rather than give different results.
 */
public final class WordNetResourceFile extends PrincetonResourceDictionaryFile {
    /** Factory constructor (named in {@code wordnet.xml}). */
    public WordNetResourceFile(Dictionary dictionary, Map<String, Param> params) {
        super(dictionary, params);
    }

    private WordNetResourceFile(Dictionary dictionary, String path, POS pos, DictionaryFileType fileType,
            Map<String, Param> params) {
        super(dictionary, path, pos, fileType, params);
    }

    @Override
    public WordNetResourceFile newInstance(Dictionary dictionary, String path, POS pos, DictionaryFileType fileType) {
        return new WordNetResourceFile(dictionary, path, pos, fileType, params);
    }

    @Override
    public void open() throws JWNLException {
        if (!unused()) {
            super.open();
        }
    }

    private boolean unused() {
        return fileType == DictionaryFileType.CNTLIST || fileType == DictionaryFileType.SENSEINDEX || (fileType == DictionaryFileType.INDEX && pos == null);
    }
}
